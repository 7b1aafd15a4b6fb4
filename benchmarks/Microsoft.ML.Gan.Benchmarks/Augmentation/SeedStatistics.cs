namespace Microsoft.ML.Gan.Benchmarks.Augmentation;

/// <summary>Mean and sample standard deviation of a metric over seeds.</summary>
internal static class SeedStatistics
{
    public static string Format(IEnumerable<double> values, string format)
    {
        var list = values.ToArray();
        double mean = list.Average();
        double sd = list.Length > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Length - 1)) : 0;
        return $"{mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {sd.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
