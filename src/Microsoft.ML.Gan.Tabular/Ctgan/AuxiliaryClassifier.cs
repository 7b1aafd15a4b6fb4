namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The auxiliary classifier of target-aware CTGAN (<see cref="CtganOptions.LabelColumn"/>), after CTAB-GAN+ (Zhao et
/// al. 2022): an MLP that predicts the label's category from the other columns of an encoded row. It is trained on the
/// real training rows before the GAN (Adam, cross-entropy, <see cref="TrainingSteps"/> batches) and then frozen; during
/// GAN training its cross-entropy on generated rows — features from the generated row, target the generated row's own
/// label category — is added to the generator's loss, so that the generator is pushed towards rows whose features
/// predict the label they carry. The target is the argmax of the generated label span (CTAB-GAN+'s hard target), so
/// the gradient reaches the generator through the features only: with the soft label span as the
/// target (and a gradient through the label too) the generator could lower the loss by moving the labels towards what
/// the classifier predicts from still-poor features, and on the suite's breast_cancer table (456 rows) every label
/// collapsed to one class (benchmarks/BENCHMARKS.md, tabular-suite).
/// </summary>
internal sealed class AuxiliaryClassifier : IDisposable
{
    /// <summary>Mini-batches of real rows the classifier is trained on before the GAN.</summary>
    public const int TrainingSteps = 500;
    private const double LearningRate = 1e-3;

    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Tensor _features;   // encoded positions the classifier reads (all but the label's span)
    private readonly OutputSpan _label;

    /// <param name="labelColumn">The discrete label column.</param>
    /// <param name="spans">The encoded row's spans.</param>
    /// <param name="data">The encoded real training rows.</param>
    /// <param name="batchSize">Rows per training step.</param>
    /// <param name="device">Where it trains and runs.</param>
    /// <exception cref="ArgumentException">The label is not a learned column, or is continuous.</exception>
    public AuxiliaryClassifier(string labelColumn, IReadOnlyList<OutputSpan> spans, EncodedTable data, int batchSize, Device device)
    {
        var own = spans.Where(s => s.ColumnName == labelColumn).ToArray();
        if (own.Length == 0)
            throw new ArgumentException(
                $"{nameof(CtganOptions.LabelColumn)} names column '{labelColumn}', which is not among the learned columns: {string.Join(", ", spans.Select(s => s.ColumnName).Distinct())}.");
        _label = own.SingleOrDefault(s => s.Role == SpanRole.Category)
            ?? throw new ArgumentException(
                $"{nameof(CtganOptions.LabelColumn)} '{labelColumn}' is continuous; target-aware CTGAN needs a categorical label (name it in {nameof(CtganOptions.DiscreteColumns)} if its numbers are classes).");
        var featurePositions = spans.Where(s => s.ColumnName != labelColumn).SelectMany(s => Enumerable.Range(s.Start, s.Length)).Select(i => (long)i).ToArray();
        _features = tensor(featurePositions, device: device);
        _network = CtganNetworks.CreateAuxiliaryClassifier(featurePositions.Length, _label.Length).to(device);
        Train(data, batchSize, device);
    }

    /// <summary>
    /// The classifier's mean cross-entropy on generated (activated) rows against each row's own generated label
    /// category (the argmax of its label span, a constant): the gradient reaches the generator through the features only.
    /// </summary>
    /// <param name="rows">Activated generated rows [B, width].</param>
    public Tensor Loss(Tensor rows)
    {
        using var scope = NewDisposeScope();
        var labels = rows.narrow(1, _label.Start, _label.Length).argmax(1);
        return nn.functional.cross_entropy(_network.call(rows.index_select(1, _features)), labels).MoveToOuterDisposeScope();
    }

    /// <summary>Trains on random batches of the real rows (torch's default generator, seeded by the caller), then freezes the network.</summary>
    private void Train(EncodedTable data, int batchSize, Device device)
    {
        using var optimizer = optim.Adam(_network.parameters(), LearningRate);
        _network.train();
        int batch = Math.Min(batchSize, data.RowCount);
        for (int step = 0; step < TrainingSteps; step++)
        {
            using var scope = NewDisposeScope();
            var real = data.Gather(randint(data.RowCount, [batch], dtype: ScalarType.Int64, device: device), device);
            optimizer.zero_grad();
            var labels = real.narrow(1, _label.Start, _label.Length).argmax(1);
            var loss = nn.functional.cross_entropy(_network.call(real.index_select(1, _features)), labels);
            loss.backward();
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
