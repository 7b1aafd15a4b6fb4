using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>A small seeded table with a bimodal continuous column and skewed, correlated discrete columns.</summary>
internal static class CtganTestData
{
    public static readonly string[] Kinds = ["A", "B", "C", "D"];
    public static readonly double[] KindShares = [0.6, 0.25, 0.1, 0.05];

    /// <summary>
    /// Amount (Double): half N(0, 1), half N(10, 1). Kind (text): A 60 %, B 25 %, C 10 %, D 5 %. Region (text):
    /// "north"/"south" when Amount is in the low mode, "east"/"west" in the high one. Count (Int32): 0–20.
    /// Flag (Boolean): 30 % true.
    /// </summary>
    public static IDataView Create(MLContext mlContext, int rows, int seed)
    {
        var random = new Random(seed);
        var data = new Row[rows];
        for (int i = 0; i < rows; i++)
        {
            bool high = random.NextDouble() < 0.5;
            data[i] = new Row
            {
                Amount = high ? Gaussian.Next(random, 10, 1) : Gaussian.Next(random, 0, 1),
                Kind = Kinds[Pick(random, KindShares)],
                Region = high ? (random.NextDouble() < 0.5 ? "east" : "west") : (random.NextDouble() < 0.5 ? "north" : "south"),
                Count = random.Next(21),
                Flag = random.NextDouble() < 0.3,
            };
        }
        return mlContext.Data.LoadFromEnumerable(data);
    }

    /// <summary>Options for quick CPU tests: one thread, fixed seed, small batch.</summary>
    public static CtganOptions QuickOptions(int epochs) => new()
    {
        Epochs = epochs,
        BatchSize = 200,
        Threads = 1,
        Seed = 7,
    };

    private static int Pick(Random random, double[] shares)
    {
        double u = random.NextDouble();
        for (int i = 0; i < shares.Length - 1; i++)
        {
            if ((u -= shares[i]) < 0)
                return i;
        }
        return shares.Length - 1;
    }

    public sealed class Row
    {
        public double Amount { get; set; }

        public string Kind { get; set; } = "";

        public string Region { get; set; } = "";

        public int Count { get; set; }

        public bool Flag { get; set; }
    }
}
