using Microsoft.ML.Data;
using Microsoft.ML.Gan.Privacy;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Learns a table's joint distribution with CTGAN (Xu et al. 2019): mode-specific normalization of continuous
/// columns, a conditional generator trained by sampling, a PacGAN critic with WGAN-GP. Reads every visible scalar
/// column of the input (text, Boolean and key columns are discrete; numbers and dates continuous unless listed in
/// <see cref="CtganOptions.DiscreteColumns"/>) and returns a <see cref="CtganModel"/>. A
/// <c>Microsoft.Data.Analysis.DataFrame</c> is an <see cref="IDataView"/> and can be passed as it is.
/// </summary>
public sealed class CtganEstimator : IEstimator<CtganModel>
{
    private readonly MLContext _mlContext;
    private readonly CtganOptions _options;

    internal CtganEstimator(MLContext mlContext, CtganOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Fits the data transformer, then trains the generator with the shared engine.</summary>
    /// <exception cref="ArgumentException">
    /// The data has no rows, a column has an unsupported type or only missing values, every column is constant, or an
    /// option names a column the data does not have (the message names the column).
    /// </exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    public CtganModel Fit(IDataView input)
    {
        var table = SynthesizerSchema.ReadTable(input, _options.DiscreteColumns, _options.IgnoreColumns, "CTGAN", minimumRows: 1);
        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(CtganEstimator));
        var privacy = _options.Privacy is null ? null : PrivateCtganSetup.ReleaseStatistics(table, _options.Privacy);
        // A DP fit draws all its training randomness from a secret seed (the public seed only names the sampling
        // stream): with a known seed, the encoding's and the critic's per-row draws could be replayed.
        int trainingSeed = privacy is null ? seed : (int)CryptographicRandom.NewSeed();
        var trainingTable = privacy?.Release.Training ?? table;
        var transformer = SynthesizerSchema.FitTransformer(privacy?.Release.Proxy ?? table, _options.Transformer);

        var device = TorchDevices.Resolve(_options.Device);
        TorchRuntime.SetThreads(_options.Threads);
        var layout = new ConditionLayout(transformer);
        var architecture = new CtganArchitecture(_options.EmbeddingDimension, [.. _options.GeneratorLayers],
            transformer.OutputDimension, layout.Width);
        var data = transformer.Encode(trainingTable, trainingSeed);
        long rowCount = table.RowCount;

        TorchRuntime.Seed(trainingSeed);
        using var sampler = layout.ColumnCount == 0
            ? null
            : new ConditionalSampler(layout, data, device, privacy is null ? null : rowCount);
        using var activation = new SpanActivation(transformer.Spans, layout, device);
        var plan = privacy?.Plan(_options, rowCount);
        using var auxiliary = _options.LabelColumn is { } label ? new AuxiliaryClassifier(label, transformer.Spans, data, _options.BatchSize, device) : null;
        using var problem = plan is null
            ? new CtganProblem(_options, architecture, data, sampler, activation, device, auxiliary)
            : new PrivateCtganProblem(_options, architecture, data, sampler, activation, device, plan,
                CryptographicRandom.NewTorchGenerator(device));
        var (trained, summary) = GanHost.WithLog(_mlContext, nameof(CtganEstimator), log =>
        {
            if (privacy is not null)
                log(privacy.Describe());
            return new GanTrainer(_options, log).Train(problem, trainingSeed);
        });

        // Keep the fitted generator apart from the problem (which disposes its networks).
        var network = CtganNetworks.CreateGenerator(architecture);
        ModuleBytes.Load(network, ModuleBytes.Save(trained));
        if (!ReferenceEquals(trained, problem.Generator))
            trained.Dispose();
        var generator = new CtganGenerator(transformer, architecture, network.to(device), device)
        {
            Privacy = plan is null ? null : privacy!.Report(plan, ((PrivateCtganProblem)problem).DiscriminatorSteps),
        };
        return new CtganModel(_mlContext, generator, seed, summary, Guid.NewGuid());
    }

    /// <summary>
    /// Checks the columns CTGAN reads; the output is the input with the learned columns appended under the same names
    /// and types, so its shape is the input's.
    /// </summary>
    /// <exception cref="ArgumentException">An option names a missing column, or a learned column is a vector or of an unsupported type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        SynthesizerSchema.Check(inputSchema, _options.DiscreteColumns, _options.IgnoreColumns, "CTGAN");
}
