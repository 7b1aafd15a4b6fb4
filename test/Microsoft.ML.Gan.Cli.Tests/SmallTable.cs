using System.Globalization;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary>The small training table of the CLI tests: size (number), colour (red 70 % / blue), label (big/small).</summary>
internal static class SmallTable
{
    public const string Header = "size,colour,label";

    /// <summary>Writes 300 rows to table.csv in <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, int seed)
    {
        string path = Path.Combine(folder, "table.csv");
        var random = new Random(seed);
        var lines = new List<string> { Header };
        for (int i = 0; i < 300; i++)
        {
            string colour = random.NextDouble() < 0.7 ? "red" : "blue";
            double size = (colour == "red" ? 10 : 20) + random.NextDouble();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{size:F3},{colour},{(size > 15 ? "big" : "small")}"));
        }
        File.WriteAllLines(path, lines);
        return path;
    }
}
