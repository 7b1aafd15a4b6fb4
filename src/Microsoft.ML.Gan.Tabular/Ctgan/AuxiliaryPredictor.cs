namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The auxiliary classifier or regressor of target-aware synthesis (<see cref="CtganOptions.LabelColumn"/>,
/// <see cref="Tvae.TvaeOptions.LabelColumn"/>), after CTAB-GAN+ (Zhao et al. 2022): an MLP that predicts the label
/// column's encoded spans from the other columns of an encoded row. A categorical label has one span, its categories
/// (a classifier); a continuous label has its value within its mode, the mode and perhaps a missing indicator (a
/// regressor on the value, a classifier on the others). It is trained on the real training rows before the
/// synthesizer (Adam, <see cref="TrainingSteps"/> batches) and then frozen. During training its loss on generated
/// rows — features from the generated row, targets the generated row's own label spans, held fixed — is added to the
/// generator's, so that the generator is pushed towards rows whose features predict the label they carry. Holding the
/// target fixed (CTAB-GAN+'s hard target) lets the gradient reach the features only: with the soft label span as the
/// target the generator could lower the loss by moving the labels towards what the predictor reads from still-poor
/// features, and on the suite's breast_cancer table (456 rows) every label collapsed to one class
/// (benchmarks/BENCHMARKS.md, tabular-suite).
/// </summary>
internal sealed class AuxiliaryPredictor : IDisposable
{
    /// <summary>Mini-batches of real rows the predictor is trained on before the synthesizer.</summary>
    public const int TrainingSteps = 500;
    private const double LearningRate = 1e-3;

    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Tensor _features;   // encoded positions the predictor reads (all but the label's spans)
    private readonly OutputSpan[] _label; // the label column's spans, in encoded order (one prediction block each)

    /// <param name="labelColumn">The label column (categorical or continuous).</param>
    /// <param name="spans">The encoded row's spans.</param>
    /// <param name="data">The encoded real training rows.</param>
    /// <param name="batchSize">Rows per training step.</param>
    /// <param name="device">Where it trains and runs.</param>
    /// <param name="cancellation">The fit's token, checked before each training batch (and the fit's MLContext).</param>
    /// <exception cref="ArgumentException">The label is not a learned column, or it is the only one.</exception>
    /// <exception cref="OperationCanceledException">The fit was canceled.</exception>
    public AuxiliaryPredictor(string labelColumn, IReadOnlyList<OutputSpan> spans, EncodedTable data, int batchSize, Device device,
        CancellationToken cancellation = default)
    {
        _label = [.. spans.Where(s => s.ColumnName == labelColumn)];
        if (_label.Length == 0)
            throw new ArgumentException(
                $"LabelColumn names column '{labelColumn}', which is not among the learned columns: {string.Join(", ", spans.Select(s => s.ColumnName).Distinct())}.");
        var featurePositions = spans.Where(s => s.ColumnName != labelColumn).SelectMany(s => Enumerable.Range(s.Start, s.Length)).Select(i => (long)i).ToArray();
        if (featurePositions.Length == 0)
            throw new ArgumentException($"LabelColumn '{labelColumn}' is the only learned column: there are no features to predict it from.");
        _features = tensor(featurePositions, device: device);
        _network = CtganNetworks.CreateAuxiliaryPredictor(featurePositions.Length, _label.Sum(s => s.Length)).to(device);
        Train(data, batchSize, device, cancellation);
    }

    /// <summary>
    /// The predictor's mean loss on generated (activated) rows against each row's own generated label spans, held
    /// constant: the cross-entropy of every categorical span against its argmax, plus the squared error of every value
    /// (a value is predicted through tanh, as the generator's is). The gradient reaches the generator through the
    /// features only.
    /// </summary>
    /// <param name="rows">Activated generated rows [B, width].</param>
    public Tensor Loss(Tensor rows)
    {
        using var scope = NewDisposeScope();
        var prediction = _network.call(rows.index_select(1, _features));
        var loss = zeros([], device: rows.device);
        int offset = 0;
        foreach (var span in _label)
        {
            var predicted = prediction.narrow(1, offset, span.Length);
            var target = rows.narrow(1, span.Start, span.Length).detach();
            loss = loss + (span.Kind == SpanKind.Scalar
                ? nn.functional.mse_loss(predicted.tanh(), target)
                : nn.functional.cross_entropy(predicted, target.argmax(1)));
            offset += span.Length;
        }
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Trains on random batches of the real rows (torch's default generator, seeded by the caller), then freezes the network.</summary>
    private void Train(EncodedTable data, int batchSize, Device device, CancellationToken cancellation)
    {
        using var optimizer = optim.Adam(_network.parameters(), LearningRate);
        _network.train();
        int batch = Math.Min(batchSize, data.RowCount);
        for (int step = 0; step < TrainingSteps; step++)
        {
            GanCancellation.ThrowIfCanceled(cancellation);
            using var scope = NewDisposeScope();
            var real = data.Gather(randint(data.RowCount, [batch], dtype: ScalarType.Int64, device: device), device);
            optimizer.zero_grad();
            Loss(real).backward();
            optimizer.step();
        }
        _network.eval();
        foreach (var parameter in _network.parameters())
            parameter.requires_grad_(false);
    }

    public void Dispose()
    {
        _network.Dispose();
        _features.Dispose();
    }
}
