using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// CTGAN's column shapes on a second, generated table unlike adult — a bimodal integer column, a log-normal amount with
/// 8 % missing values, a zero-inflated amount that depends on a category, a 300-level Zipf category, a 12-level
/// category with missing values ("" in text), a uniform score and a Boolean tied to age — with the generator EMA
/// (CTGAN's default) and without it (the paper's procedure), so the default is not tuned to one table.
/// Arguments: [epochs, default 100] [rows, default 20000] [threads, default 0 = the library's default].
/// </summary>
internal static class MixedTableBenchmark
{
    public const string Description = "CTGAN column shapes on a generated mixed-type table, with and without the generator EMA";

    public static int Run(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        int rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        int threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        var mlContext = new MLContext(seed: 1);
        var real = mlContext.Data.LoadFromEnumerable(MixedRow.Generate(rows, seed: 7));

        Console.WriteLine($"## tabular-mixed: CTGAN on a generated mixed-type table ({rows:N0} rows, {epochs} epochs)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; torch threads option {threads}; load average at start " +
            $"{Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Console.WriteLine();
        var runs = new List<(string Name, IReadOnlyList<(string Column, string Metric, double Score)> Shapes, TimeSpan Time)>();
        foreach (var (name, decay) in new (string, double?)[] { ("EMA 0.999 (default)", 0.999), ("no EMA (paper)", null) })
        {
            var watch = Stopwatch.StartNew();
            var options = new CtganOptions { Epochs = epochs, Threads = threads, Seed = 1, GeneratorEmaDecay = decay };
            using var model = mlContext.Gan().Tabular.Ctgan(options).Fit(real);
            var synthetic = model.Sample(rows, seed: 3);
            var shapes = mlContext.Gan().Tabular.Evaluate(real, synthetic).ColumnShapes.Select(c => (c.Column, c.Metric, c.Score)).ToList();
            runs.Add((name, shapes, watch.Elapsed));
        }

        Console.WriteLine($"| column | metric | {string.Join(" | ", runs.Select(r => r.Name))} |");
        Console.WriteLine($"| --- | --- |{string.Concat(runs.Select(_ => " ---: |"))}");
        for (int c = 0; c < runs[0].Shapes.Count; c++)
            Console.WriteLine($"| {runs[0].Shapes[c].Column} | {runs[0].Shapes[c].Metric} | {string.Join(" | ", runs.Select(r => r.Shapes[c].Score.ToString("F3", CultureInfo.InvariantCulture)))} |");
        Console.WriteLine($"| **mean** | | {string.Join(" | ", runs.Select(r => $"**{r.Shapes.Average(s => s.Score):F3}**"))} |");
        Console.WriteLine($"| fit + sample + evaluate time | | {string.Join(" | ", runs.Select(r => $"{r.Time.TotalMinutes:F1} min"))} |");
        return 0;
    }

    /// <summary>One row of the generated table.</summary>
    private sealed class MixedRow
    {
        public float Age { get; set; }
        public float Income { get; set; }
        public float Spend { get; set; }
        public float Score { get; set; }
        public string Product { get; set; } = "";
        public string Region { get; set; } = "";
        public bool Member { get; set; }

        public static IEnumerable<MixedRow> Generate(int count, int seed)
        {
            var random = new Random(seed);
            // Zipf(1.1) over 300 products.
            var productWeights = Enumerable.Range(1, 300).Select(k => 1 / Math.Pow(k, 1.1)).ToArray();
            var regionWeights = Enumerable.Range(1, 12).Select(k => 1.0 / k).ToArray();
            for (int i = 0; i < count; i++)
            {
                bool young = random.NextDouble() < 0.45;
                double age = Math.Round(Math.Clamp(young ? Normal(random, 27, 4) : Normal(random, 55, 8), 18, 90));
                int region = Pick(random, regionWeights);
                double income = random.NextDouble() < 0.08 ? double.NaN : Math.Exp(Normal(random, 10.5 + 0.01 * (age - 40), 0.6));
                double spend = random.NextDouble() < 0.4 + 0.04 * region ? 0 : Math.Round(-Math.Log(1 - random.NextDouble()) * (50 + 20 * region), 2);
                yield return new MixedRow
                {
                    Age = (float)age,
                    Income = (float)income,
                    Spend = (float)spend,
                    Score = (float)(random.NextDouble() * 100),
                    Product = $"P{Pick(random, productWeights):D3}",
                    Region = random.NextDouble() < 0.05 ? "" : $"R{region:D2}",
                    Member = random.NextDouble() < (young ? 0.2 : 0.6),
                };
            }
        }

        private static double Normal(Random random, double mean, double sd) =>
            mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        private static int Pick(Random random, double[] weights)
        {
            double u = random.NextDouble() * weights.Sum();
            for (int k = 0; k < weights.Length; k++)
            {
                u -= weights[k];
                if (u <= 0)
                    return k;
            }
            return weights.Length - 1;
        }
    }
}
