using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.GaussianCopula;

/// <summary>
/// A seeded table with known structure, and a Gaussian copula fitted on it once for the tests. X and Y: a bivariate
/// normal pair with ρ = 0.8 (means 5 and 50, deviations 2 and 10). Wealth = exp(Z₁) and Risk = Z₂³ with (Z₁, Z₂)
/// normal, ρ = −0.6: a monotone, non-normal pair. Plan: basic 50 %, silver 30 %, gold 20 %; Spend ~ N(20 + 15·rank, 5)
/// (gold spends most). Score ~ N(0, 1) + 0.5·Z₁, missing in 20 % of rows at random.
/// </summary>
internal static class CopulaTestData
{
    public const int Rows = 5000;
    public static readonly string[] Plans = ["basic", "silver", "gold"];
    private static readonly double[] PlanShares = [0.5, 0.3, 0.2];
    public static MLContext Context { get; } = new(seed: 1);

    private static readonly Lazy<CtganModel> Fitted = new(() => Context.Gan().Tabular.GaussianCopula(Options()).Fit(Create(Context, Rows, seed: 3)));

    /// <summary>The copula fitted on <see cref="Rows"/> rows of seed 3.</summary>
    public static CtganModel Model => Fitted.Value;

    public static GaussianCopulaOptions Options() => new() { Threads = 1, Seed = 7 };

    public static IDataView Create(MLContext mlContext, int rows, int seed) => mlContext.Data.LoadFromEnumerable(Generate(rows, seed));

    /// <summary>The real rows as a columnar table (what the estimator reads).</summary>
    public static TabularTable Table(int rows, int seed) => TabularTable.FromDataView(Create(new MLContext(seed: 1), rows, seed));

    private static Row[] Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new Row[rows];
        for (int i = 0; i < rows; i++)
        {
            double a = Gaussian.Next(random, 0, 1), b = Gaussian.Next(random, 0, 1);
            double z1 = Gaussian.Next(random, 0, 1), z2 = -0.6 * z1 + 0.8 * Gaussian.Next(random, 0, 1);
            double u = random.NextDouble();
            int plan = u < PlanShares[0] ? 0 : u < PlanShares[0] + PlanShares[1] ? 1 : 2;
            data[i] = new Row
            {
                X = 5 + 2 * a,
                Y = 50 + 10 * (0.8 * a + 0.6 * b),
                Wealth = Math.Exp(z1),
                Risk = z2 * z2 * z2,
                Plan = Plans[plan],
                Spend = Gaussian.Next(random, 20 + 15 * plan, 5),
                Score = random.NextDouble() < 0.2 ? double.NaN : Gaussian.Next(random, 0, 1) + 0.5 * z1,
            };
        }
        return data;
    }

    public sealed class Row
    {
        public double X { get; set; }

        public double Y { get; set; }

        public double Wealth { get; set; }

        public double Risk { get; set; }

        public string Plan { get; set; } = "";

        public double Spend { get; set; }

        public double Score { get; set; }
    }
}
