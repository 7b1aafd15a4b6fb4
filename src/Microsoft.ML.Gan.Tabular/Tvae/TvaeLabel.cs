using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// Target-aware TVAE (<see cref="TvaeOptions.LabelColumn"/>) during training: with a categorical label, the one-hot
/// that conditions the decoder (read from each training row's own label span); for any label, the auxiliary
/// predictor's loss on rows decoded from the prior with the same labels (Gumbel-softmax on categorical spans, as
/// CTGAN's generator is trained, with the label span set to the conditioning label).
/// </summary>
internal sealed class TvaeLabel : IDisposable
{
    /// <summary>The Gumbel-softmax temperature of the decoded rows the predictor reads (CTGAN's default).</summary>
    private const double GumbelTemperature = 0.2;

    private readonly OutputSpan? _condition;
    private readonly AuxiliaryPredictor _predictor;
    private readonly SpanActivation _activation;

    /// <param name="labelColumn">The label column.</param>
    /// <param name="conditioning">The label's category span when it conditions the decoder (a categorical label), else null.</param>
    /// <param name="transformer">The fitted data transformer.</param>
    /// <param name="layout">The transformer's conditionable columns.</param>
    /// <param name="data">The encoded real training rows (the predictor trains on them).</param>
    /// <param name="batchSize">Rows per predictor training step.</param>
    /// <param name="device">Where it trains.</param>
    /// <param name="cancellation">The fit's token (the predictor's training checks it).</param>
    public TvaeLabel(string labelColumn, OutputSpan? conditioning, DataTransformer transformer, ConditionLayout layout, EncodedTable data,
        int batchSize, Device device, CancellationToken cancellation)
    {
        _condition = conditioning;
        _predictor = new AuxiliaryPredictor(labelColumn, transformer.Spans, data, batchSize, device, cancellation);
        _activation = new SpanActivation(transformer.Spans, layout, device);
    }

    /// <summary>The decoder's conditioning input for encoded rows: their label one-hots [B, categories], or null without conditioning.</summary>
    public Tensor? Condition(Tensor encoded) => _condition is { } span ? encoded.narrow(1, span.Start, span.Length) : null;

    /// <summary>The predictor's loss on a batch decoded from prior draws <paramref name="z"/> with the conditioning labels <paramref name="condition"/>.</summary>
    public Tensor Loss(nn.Module<Tensor, Tensor> decoder, Tensor z, Tensor? condition)
    {
        using var scope = NewDisposeScope();
        var rows = _activation.Activate(decoder.call(condition is null ? z : cat([z, condition], 1)), GumbelTemperature);
        if (_condition is { } span)
        {
            rows = rows.clone();
            rows.narrow(1, span.Start, span.Length).copy_(condition!);
        }
        return _predictor.Loss(rows).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _predictor.Dispose();
        _activation.Dispose();
    }
}
