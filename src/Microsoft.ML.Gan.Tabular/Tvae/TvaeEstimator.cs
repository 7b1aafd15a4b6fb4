using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// Learns a table's joint distribution with TVAE (Xu et al. 2019): CTGAN's data transformer, a variational autoencoder
/// over the encoded rows, and the decoder as the generator. Reads and returns what every tabular synthesizer does (see
/// <see cref="TabularSynthesizerEstimator"/>). Sampling with a condition is supported only on a categorical
/// <see cref="TvaeOptions.LabelColumn"/>, the decoder's one conditional input.
/// </summary>
public sealed class TvaeEstimator : TabularSynthesizerEstimator
{
    private readonly TvaeOptions _options;

    internal TvaeEstimator(MLContext mlContext, TvaeOptions options)
        : base(mlContext, options, "TVAE", minimumRows: 2) => _options = options;

    /// <summary>Fits the data transformer, then trains the autoencoder.</summary>
    private protected override (TabularGenerator Generator, TrainingSummary Summary) Train(TabularTable table, int seed, Action<string> log)
    {
        var transformer = SynthesizerSchema.FitTransformer(table, _options.Transformer);
        var device = TorchDevices.Resolve(_options.Device);
        // A categorical label conditions the decoder; a continuous (or constant) one only steers it through the predictor.
        var layout = new ConditionLayout(transformer);
        var conditioning = _options.LabelColumn is { } label && layout.IndexOf(label) is int column and >= 0 ? layout.Spans[column] : null;
        var architecture = new CtganArchitecture(_options.LatentDimension, [.. _options.DecoderLayers],
            transformer.OutputDimension, conditioning?.Length ?? 0, GeneratorKind.TvaeDecoder, conditioning?.ColumnName);
        var data = transformer.Encode(table, seed);
        Func<TvaeLabel>? createLabel = _options.LabelColumn is { } name
            ? () => new TvaeLabel(name, conditioning, transformer, layout, data, _options.BatchSize, device, _options.CancellationToken)
            : null;
        var (decoder, summary) = TvaeTrainer.Train(_options, data, transformer.Spans, architecture, seed, device, log, createLabel);
        return (new CtganGenerator(transformer, architecture, decoder, device), summary);
    }

    private protected override string? LabelColumn => _options.LabelColumn;
}
