using System.Diagnostics;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary>
/// Learns a table's joint distribution with a Gaussian copula (Patki et al. 2016, as SDV's
/// GaussianCopulaSynthesizer): each continuous column's empirical CDF and each discrete column's frequency intervals
/// turn its values into standard normal scores, and the scores' correlation matrix ties the columns together. Fitted in
/// one pass over the rows (seconds on tables of tens of thousands of rows), no training steps. Reads and returns what
/// every tabular synthesizer does (see <see cref="TabularSynthesizerEstimator"/>); conditions on a discrete column
/// are exact.
/// </summary>
internal sealed class GaussianCopulaEstimator : TabularSynthesizerEstimator
{
    private readonly GaussianCopulaOptions _options;

    internal GaussianCopulaEstimator(MLContext mlContext, GaussianCopulaOptions options)
        : base(mlContext, options, "Gaussian copula", minimumRows: 2) => _options = options;

    /// <summary>Fits the quantile transformer (marginals), then the correlation of the scores.</summary>
    private protected override (TabularGenerator Generator, TrainingSummary Summary) Train(TabularTable table, int seed, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        TorchRuntime.SetThreads(_options.Threads);
        var transformer = SynthesizerSchema.FitTransformer(table, new DataTransformerOptions { MaxCategories = _options.MaxCategories, Seed = seed },
            ContinuousEncoding.Quantile);
        var data = transformer.Encode(table, seed);
        var variables = CopulaVariables.Fit(transformer.Spans, data);
        var correlation = LatentCorrelation.Estimate(data, variables, seed, _options.CancellationToken);
        log($"Gaussian copula: {variables.Count} variables fitted on {table.RowCount} rows in {clock.Elapsed.TotalSeconds:F2} s.");
        return (new GaussianCopulaGenerator(transformer, variables, correlation), new TrainingSummary(0, 0, [], clock.Elapsed));
    }
}
