namespace Microsoft.ML.Gan.Tests;

/// <summary>The 2-D ring of 8 Gaussians (σ = 0.02, radius 2) used across GAN papers to detect mode collapse.</summary>
internal static class RingOfGaussians
{
    public const int Modes = 8;
    public const double Radius = 2;
    public const double Sigma = 0.02;

    public static float[] Sample(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new float[rows * 2];
        for (int i = 0; i < rows; i++)
        {
            int mode = random.Next(Modes);
            double angle = 2 * Math.PI * mode / Modes;
            data[2 * i] = (float)(Radius * Math.Cos(angle) + Sigma * Gaussian(random));
            data[2 * i + 1] = (float)(Radius * Math.Sin(angle) + Sigma * Gaussian(random));
        }
        return data;
    }

    /// <summary>Counts, per mode, the samples within 3σ of that mode's centre.</summary>
    public static (int[] PerMode, double HighQualityFraction) Evaluate(float[] samples)
    {
        int rows = samples.Length / 2;
        var perMode = new int[Modes];
        int good = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int m = 0; m < Modes; m++)
            {
                double angle = 2 * Math.PI * m / Modes;
                double dx = samples[2 * i] - Radius * Math.Cos(angle);
                double dy = samples[2 * i + 1] - Radius * Math.Sin(angle);
                if (Math.Sqrt(dx * dx + dy * dy) <= 3 * Sigma)
                {
                    perMode[m]++;
                    good++;
                    break;
                }
            }
        }
        return (perMode, (double)good / rows);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
