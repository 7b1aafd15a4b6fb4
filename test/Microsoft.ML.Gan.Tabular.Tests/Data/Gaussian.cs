namespace Microsoft.ML.Gan.Tabular.Tests.Data;

/// <summary>Seeded normal draws (Box–Muller) for test data.</summary>
internal static class Gaussian
{
    public static double Next(Random random, double mean, double standardDeviation)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Draws <paramref name="count"/> values from a mixture given as (weight, mean, standard deviation).</summary>
    public static double[] Mixture(int count, int seed, params (double Weight, double Mean, double Deviation)[] modes)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double u = random.NextDouble();
            int k = 0;
            while (k < modes.Length - 1 && (u -= modes[k].Weight) >= 0)
                k++;
            values[i] = Next(random, modes[k].Mean, modes[k].Deviation);
        }
        return values;
    }
}
