using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>
/// Learns the distribution of a float vector column with a GAN (vanilla, WGAN or WGAN-GP, depending on the options)
/// and returns a <see cref="VectorGanTransformer"/> that generates such vectors.
/// </summary>
public sealed class VectorGanEstimator : IEstimator<VectorGanTransformer>
{
    private readonly MLContext _mlContext;
    private readonly VectorGanOptions _options;

    internal VectorGanEstimator(MLContext mlContext, VectorGanOptions options)
    {
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Trains the GAN on the feature column of <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or not a known-size float vector, or the batch
    /// is larger than the data.</exception>
    /// <exception cref="ArgumentException">The data is empty or holds NaN/infinite values.</exception>
    public VectorGanTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (values, rows, dimension) = VectorColumnReader.Read(input, _options.FeatureColumnName, nameof(VectorGanOptions.FeatureColumnName));
        _options.RequireBatchWithin(rows, "rows");

        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(VectorGanEstimator));
        var device = TorchDevices.Resolve(_options.Device);
        var (mean, scale) = Standardization(values, rows, dimension);
        var architecture = VectorGanArchitecture.From(_options, mean, scale);

        TorchRuntime.Seed(seed);
        using var data = Standardized(values, rows, dimension, mean, scale, device);
        using var problem = new VectorGanProblem(_options, data, device);
        var (trained, summary) = GanHost.WithLog(_mlContext, nameof(VectorGanEstimator),
            log => new GanTrainer(_options, log).Train(problem, seed));

        // Keep the fitted generator: the EMA copy is already separate, otherwise copy the weights out of the problem.
        var network = VectorGanNetworks.CreateGenerator(_options, dimension);
        ModuleBytes.Load(network, ModuleBytes.Save(trained));
        if (!ReferenceEquals(trained, problem.Generator))
            trained.Dispose();
        var generator = new VectorGanGenerator(architecture, network.to(device), device);
        var settings = new GanGenerationSettings(_options.OutputColumnName, seed, _options.SeedColumnName);
        return new VectorGanTransformer(_mlContext, generator, settings, summary, Guid.NewGuid());
    }

    /// <summary>The input schema plus the generated vector column; checks the feature column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The feature column is missing or not a known-size float vector.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var column = inputSchema.FirstOrDefault(c => c.Name == _options.FeatureColumnName);
        if (column.Name is null)
            throw new ArgumentOutOfRangeException(nameof(VectorGanOptions.FeatureColumnName),
                $"Column '{_options.FeatureColumnName}' (FeatureColumnName) is not in the input.");
        if (column.Kind != SchemaShape.Column.VectorKind.Vector || column.ItemType is not NumberDataViewType { RawType: var raw } || raw != typeof(float))
            throw new ArgumentOutOfRangeException(nameof(VectorGanOptions.FeatureColumnName),
                $"Column '{_options.FeatureColumnName}' (FeatureColumnName) must be a known-size vector of Single.");
        // The generated column has the feature column's shape; SchemaShape.Column has no public constructor, so let a
        // built-in estimator describe it.
        return _mlContext.Transforms.CopyColumns(_options.OutputColumnName, _options.FeatureColumnName).GetOutputSchema(inputSchema);
    }

    private static (float[] Mean, float[] Scale) Standardization(float[] values, int rows, int dimension)
    {
        var mean = new double[dimension];
        var square = new double[dimension];
        for (int r = 0; r < rows; r++)
        {
            for (int d = 0; d < dimension; d++)
            {
                double v = values[r * dimension + d];
                mean[d] += v;
                square[d] += v * v;
            }
        }
        var meanOut = new float[dimension];
        var scaleOut = new float[dimension];
        for (int d = 0; d < dimension; d++)
        {
            double m = mean[d] / rows;
            double variance = Math.Max(0, square[d] / rows - m * m);
            meanOut[d] = (float)m;
            // Constant slots keep scale 1 so that they are reproduced exactly as the mean.
            scaleOut[d] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }
        return (meanOut, scaleOut);
    }

    private static Tensor Standardized(float[] values, int rows, int dimension, float[] mean, float[] scale, Device device)
    {
        using var scope = NewDisposeScope();
        var standardized = (tensor(values, new long[] { rows, dimension }) - tensor(mean)) / tensor(scale);
        return standardized.to(device).MoveToOuterDisposeScope();
    }
}
