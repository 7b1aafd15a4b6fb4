using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// Learns a table's joint distribution with TVAE (Xu et al. 2019): CTGAN's data transformer, a variational autoencoder
/// over the encoded rows, and the decoder as the generator. Reads the same columns as CTGAN and returns the same fitted
/// synthesizer type, <see cref="CtganModel"/> (Sample with the training schema, DataFrame, save/load, typed load);
/// TVAE has no conditional input, so sampling with a condition is not supported.
/// </summary>
public sealed class TvaeEstimator : IEstimator<CtganModel>
{
    private readonly MLContext _mlContext;
    private readonly TvaeOptions _options;

    internal TvaeEstimator(MLContext mlContext, TvaeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Fits the data transformer, then trains the autoencoder.</summary>
    /// <exception cref="ArgumentException">
    /// The data has no rows, a column has an unsupported type or only missing values, every column is constant, or an
    /// option names a column the data does not have (the message names the column).
    /// </exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    public CtganModel Fit(IDataView input)
    {
        var table = SynthesizerSchema.ReadTable(input, _options.DiscreteColumns, _options.IgnoreColumns, "TVAE", minimumRows: 2);
        var transformer = SynthesizerSchema.FitTransformer(table, _options.Transformer);

        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(TvaeEstimator));
        var device = TorchDevices.Resolve(_options.Device);
        var architecture = new CtganArchitecture(_options.EmbeddingDimension, [.. _options.DecoderLayers],
            transformer.OutputDimension, 0, GeneratorKind.TvaeDecoder);
        var data = transformer.Encode(table, seed);
        var (decoder, summary) = GanHost.WithLog(_mlContext, nameof(TvaeEstimator),
            log => TvaeTrainer.Train(_options, data, transformer.Spans, architecture, seed, device, log));
        var generator = new CtganGenerator(transformer, architecture, decoder, device);
        return new CtganModel(_mlContext, generator, seed, summary, Guid.NewGuid());
    }

    /// <summary>Checks the columns TVAE reads; the output has the input's shape (the learned columns appended under the same names).</summary>
    /// <exception cref="ArgumentException">An option names a missing column, or a learned column is a vector or of an unsupported type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        SynthesizerSchema.Check(inputSchema, _options.DiscreteColumns, _options.IgnoreColumns, "TVAE");
}
