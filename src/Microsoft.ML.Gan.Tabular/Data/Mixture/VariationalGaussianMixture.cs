namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// A variational Bayesian Gaussian mixture on one numeric column, with a Dirichlet-process prior that switches off
/// components the data does not need. CTGAN's mode-specific normalization (Xu et al. 2019, §4.2) uses its kept
/// modes: components whose weight reaches <see cref="VariationalGaussianMixtureOptions.WeightThreshold"/>.
/// </summary>
internal sealed class VariationalGaussianMixture
{
    private readonly double[] _means;
    private readonly double[] _standardDeviations;
    private readonly double[] _weights;
    private readonly double[] _logScale;
    private readonly double[] _halfPrecision;
    private readonly double[] _componentWeights;

    private VariationalGaussianMixture(double[] means, double[] standardDeviations, double[] weights, double[] logScale,
        double[] halfPrecision, double[] componentWeights, int iterations, bool converged)
    {
        _means = means;
        _standardDeviations = standardDeviations;
        _weights = weights;
        _logScale = logScale;
        _halfPrecision = halfPrecision;
        _componentWeights = componentWeights;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>The number of kept modes.</summary>
    public int ModeCount => _means.Length;

    /// <summary>The kept modes' means (the variational posterior means).</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>The kept modes' standard deviations (from the expected covariance of the posterior).</summary>
    public IReadOnlyList<double> StandardDeviations => _standardDeviations;

    /// <summary>The kept modes' weights, renormalised to sum to 1 over the kept modes.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The weights of all fitted components, kept or dropped, summing to 1.</summary>
    public IReadOnlyList<double> ComponentWeights => _componentWeights;

    /// <summary>The number of EM iterations run.</summary>
    public int Iterations { get; }

    /// <summary>Whether the lower bound settled within the tolerance before the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>
    /// Fits the mixture to <paramref name="values"/>. Values are compressed to distinct values with counts first, so
    /// columns with many repeated values fit quickly; the result is the same as fitting every value.
    /// </summary>
    /// <param name="values">Finite values with at least two distinct values.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or fewer than two distinct values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static VariationalGaussianMixture Fit(ReadOnlySpan<double> values, VariationalGaussianMixtureOptions? options = null)
    {
        options ??= new VariationalGaussianMixtureOptions();
        options.Validate();
        var (points, counts) = DistinctWithCounts(values);
        if (points.Length < 2)
            throw new ArgumentException(
                $"A Gaussian mixture needs at least two distinct values; got {(points.Length == 0 ? "none" : $"only {points[0]}")}.", nameof(values));
        int components = Math.Min(options.Components, points.Length);
        var labels = WeightedKMeans.Cluster(points, counts, components, new Random(options.Seed));
        var em = new VariationalEm(points, counts, components, options);
        em.Fit(labels);
        return Keep(em, options.WeightThreshold);
    }

    /// <summary>Writes the posterior probability of each kept mode for <paramref name="value"/> (they sum to 1).</summary>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="ModeCount"/>.</exception>
    public void GetResponsibilities(double value, Span<double> destination)
    {
        if (destination.Length < ModeCount)
            throw new ArgumentException($"The destination needs room for {ModeCount} modes; it has {destination.Length}.", nameof(destination));
        double sum = ScaledDensities(value, destination);
        for (int k = 0; k < _means.Length; k++)
            destination[k] /= sum;
    }

    /// <summary>Draws a mode from the responsibilities of <paramref name="value"/>, with <paramref name="uniform"/> in [0, 1).</summary>
    internal int SampleMode(double value, double uniform, Span<double> scratch)
    {
        double sum = ScaledDensities(value, scratch);
        double target = uniform * sum;
        for (int k = 0; k < _means.Length - 1; k++)
        {
            target -= scratch[k];
            if (target < 0)
                return k;
        }
        return _means.Length - 1;
    }

    /// <summary>The index of the kept mode with the largest weight.</summary>
    internal int HeaviestMode()
    {
        int best = 0;
        for (int k = 1; k < _weights.Length; k++)
        {
            if (_weights[k] > _weights[best])
                best = k;
        }
        return best;
    }

    /// <summary>
    /// Each mode's weighted density at <paramref name="value"/> divided by the largest (computed in log space, so no
    /// mode underflows), into <paramref name="destination"/>; returns their sum.
    /// </summary>
    private double ScaledDensities(double value, Span<double> destination)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < _means.Length; k++)
        {
            destination[k] = LogDensity(k, value);
            max = Math.Max(max, destination[k]);
        }
        double sum = 0;
        for (int k = 0; k < _means.Length; k++)
        {
            destination[k] = Math.Exp(destination[k] - max);
            sum += destination[k];
        }
        return sum;
    }

    /// <summary>The unnormalised log posterior of mode <paramref name="k"/> for a value.</summary>
    private double LogDensity(int k, double value)
    {
        double d = value - _means[k];
        return _logScale[k] - _halfPrecision[k] * d * d;
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Iterations);
        writer.Write(Converged);
        BinaryArrays.Write(writer, _componentWeights);
        writer.Write(_means.Length);
        foreach (var array in new[] { _means, _standardDeviations, _weights, _logScale, _halfPrecision })
        {
            foreach (double value in array)
                writer.Write(value);
        }
    }

    internal static VariationalGaussianMixture Read(BinaryReader reader)
    {
        int iterations = reader.ReadInt32();
        bool converged = reader.ReadBoolean();
        var componentWeights = ReadArray(reader, reader.ReadInt32());
        int modes = reader.ReadInt32();
        if (modes < 1 || modes > componentWeights.Length)
            throw new InvalidDataException($"Invalid mode count {modes} for {componentWeights.Length} components.");
        var means = ReadArray(reader, modes);
        var standardDeviations = ReadArray(reader, modes);
        var weights = ReadArray(reader, modes);
        var logScale = ReadArray(reader, modes);
        var halfPrecision = ReadArray(reader, modes);
        foreach (double deviation in standardDeviations)
        {
            if (!(deviation > 0) || double.IsInfinity(deviation))
                throw new InvalidDataException($"Invalid standard deviation {deviation}.");
        }
        return new VariationalGaussianMixture(means, standardDeviations, weights, logScale, halfPrecision, componentWeights, iterations, converged);
    }

    private static double[] ReadArray(BinaryReader reader, int length)
    {
        if (length < 1 || length > 10_000)
            throw new InvalidDataException($"Invalid array length {length}.");
        return BinaryArrays.ReadDoubles(reader, length);
    }

    private static VariationalGaussianMixture Keep(VariationalEm em, double threshold)
    {
        var componentWeights = em.Weights();
        var kept = Enumerable.Range(0, componentWeights.Length).Where(k => componentWeights[k] >= threshold).ToArray();
        if (kept.Length == 0)
            kept = [Array.IndexOf(componentWeights, componentWeights.Max())];
        double keptWeight = kept.Sum(k => componentWeights[k]);
        return new VariationalGaussianMixture(
            [.. kept.Select(k => em.Means[k])],
            [.. kept.Select(k => Math.Sqrt(em.Scale[k] / em.DegreesOfFreedom[k]))],
            [.. kept.Select(k => componentWeights[k] / keptWeight)],
            [.. kept.Select(k => em.LogScale[k])],
            [.. kept.Select(k => em.HalfPrecision[k])],
            componentWeights, em.Iterations, em.Converged);
    }

    private static (double[] Points, double[] Counts) DistinctWithCounts(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        foreach (double value in sorted)
        {
            if (!double.IsFinite(value))
                throw new ArgumentException($"Values must be finite; found {value}.", nameof(values));
        }
        Array.Sort(sorted);
        var points = new ArrayBuilder<double>(sorted.Length);
        var counts = new ArrayBuilder<double>(sorted.Length);
        for (int i = 0; i < sorted.Length;)
        {
            int start = i;
            while (i < sorted.Length && sorted[i] == sorted[start])
                i++;
            points.Add(sorted[start]);
            counts.Add(i - start);
        }
        return (points.ToArray(), counts.ToArray());
    }
}
