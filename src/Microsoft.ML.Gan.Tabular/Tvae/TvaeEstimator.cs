using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// Learns a table's joint distribution with TVAE (Xu et al. 2019): CTGAN's data transformer, a variational autoencoder
/// over the encoded rows, and the decoder as the generator. Reads and returns what every tabular synthesizer does (see
/// <see cref="TabularSynthesizerEstimator"/>); TVAE has no conditional input, so sampling with a condition is not
/// supported.
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
        var architecture = new CtganArchitecture(_options.LatentDimension, [.. _options.DecoderLayers],
            transformer.OutputDimension, 0, GeneratorKind.TvaeDecoder);
        var data = transformer.Encode(table, seed);
        var (decoder, summary) = TvaeTrainer.Train(_options, data, transformer.Spans, architecture, seed, device, log);
        return (new CtganGenerator(transformer, architecture, decoder, device), summary);
    }
}
