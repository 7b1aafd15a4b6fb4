using Microsoft.ML.Gan.Privacy;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Learns a table's joint distribution with CTGAN (Xu et al. 2019): mode-specific normalization of continuous
/// columns, a conditional generator trained by sampling, a PacGAN critic with WGAN-GP; with
/// <see cref="CtganOptions.Privacy"/>, DP-CTGAN. Reads and returns what every tabular synthesizer does (see
/// <see cref="TabularSynthesizerEstimator"/>).
/// </summary>
public sealed class CtganEstimator : TabularSynthesizerEstimator
{
    private readonly CtganOptions _options;

    internal CtganEstimator(MLContext mlContext, CtganOptions options)
        : base(mlContext, options, "CTGAN", minimumRows: 1) => _options = options;

    /// <summary>Fits the data transformer (on DP statistics under privacy), then trains the generator with the shared engine.</summary>
    private protected override (TabularGenerator Generator, TrainingSummary Summary) Train(TabularTable table, int seed, Action<string> log)
    {
        var privacy = _options.Privacy is null ? null : PrivateCtganSetup.ReleaseStatistics(table, _options.Privacy);
        // A DP fit draws all its training randomness from a secret seed (the public seed only names the sampling
        // stream): with a known seed, the encoding's and the critic's per-row draws could be replayed.
        int trainingSeed = privacy is null ? seed : (int)CryptographicRandom.NewSeed();
        var trainingTable = privacy?.Release.Training ?? table;
        var transformer = SynthesizerSchema.FitTransformer(privacy?.Release.Proxy ?? table, _options.Transformer);

        var device = TorchDevices.Resolve(_options.Device);
        TorchRuntime.SetThreads(_options.Threads);
        var layout = new ConditionLayout(transformer);
        var architecture = new CtganArchitecture(_options.LatentDimension, [.. _options.GeneratorLayers],
            transformer.OutputDimension, layout.Width);
        var data = transformer.Encode(trainingTable, trainingSeed);
        long rowCount = table.RowCount;

        TorchRuntime.Seed(trainingSeed);
        using var sampler = layout.ColumnCount == 0
            ? null
            : new ConditionalSampler(layout, data, device, privacy is null ? null : rowCount);
        using var activation = new SpanActivation(transformer.Spans, layout, device);
        var plan = privacy?.Plan(_options, rowCount);
        using var auxiliary = _options.LabelColumn is { } label ? new AuxiliaryPredictor(label, transformer.Spans, data, _options.BatchSize, device, _options.CancellationToken) : null;
        using var problem = plan is null
            ? new CtganProblem(_options, architecture, data, sampler, activation, device, auxiliary)
            : new PrivateCtganProblem(_options, architecture, data, sampler, activation, device, plan,
                CryptographicRandom.NewTorchGenerator(device));
        if (privacy is not null)
            log(privacy.Describe());
        var (trained, summary) = new GanTrainer(_options, log).Train(problem, trainingSeed);

        // Keep the fitted generator apart from the problem (which disposes its networks).
        var network = CtganNetworks.CreateGenerator(architecture);
        ModuleBytes.Load(network, ModuleBytes.Save(trained));
        if (!ReferenceEquals(trained, problem.Generator))
            trained.Dispose();
        var generator = new CtganGenerator(transformer, architecture, network.to(device), device)
        {
            Privacy = plan is null ? null : privacy!.Report(plan, ((PrivateCtganProblem)problem).DiscriminatorSteps),
        };
        return (generator, summary);
    }

    private protected override string? LabelColumn => _options.LabelColumn;
}
