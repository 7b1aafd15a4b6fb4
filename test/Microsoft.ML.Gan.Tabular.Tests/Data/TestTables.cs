using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

/// <summary>Small seeded tables covering every kind of column the transformer handles.</summary>
internal static class TestTables
{
    public static readonly string[] Colors = ["red", "green", "blue", ""];

    /// <summary>
    /// Bimodal (Double, two well-separated modes), Age (Int32, whole numbers), Income (Single, 10 % NaN),
    /// Color (text with the empty "missing" category), Flag (Boolean), Constant (Double 3.5), Grade (Double read as
    /// discrete, NaN its own category), Size (key of count 3), Joined (DateTime, whole days 2000–2020).
    /// </summary>
    public static TabularTable Mixed(int rows, int seed)
    {
        var random = new Random(seed);
        var bimodal = new double[rows];
        var age = new double[rows];
        var income = new double[rows];
        var colorCodes = new int[rows];
        var flagCodes = new int[rows];
        var grades = new int[rows];
        var sizes = new int[rows];
        var joined = new double[rows];
        long start = new DateTime(2000, 1, 1).Ticks;
        for (int i = 0; i < rows; i++)
        {
            bimodal[i] = random.NextDouble() < 0.6 ? Gaussian.Next(random, 0, 1) : Gaussian.Next(random, 10, 2);
            age[i] = Math.Clamp(Math.Round(Gaussian.Next(random, 40, 12)), 17, 90);
            income[i] = random.NextDouble() < 0.1 ? double.NaN : (float)Math.Exp(Gaussian.Next(random, 10, 0.5));
            colorCodes[i] = random.Next(Colors.Length);
            flagCodes[i] = random.NextDouble() < 0.3 ? 1 : 0;
            grades[i] = random.Next(4);
            sizes[i] = random.Next(3);
            joined[i] = start + random.Next(7300) * TimeSpan.TicksPerDay;
        }
        return new TabularTable(
        [
            new ContinuousColumn("Bimodal", NumberDataViewType.Double, bimodal),
            new ContinuousColumn("Age", NumberDataViewType.Int32, age),
            new ContinuousColumn("Income", NumberDataViewType.Single, income),
            new DiscreteColumn("Color", TextDataViewType.Instance, colorCodes, Colors),
            new DiscreteColumn("Flag", BooleanDataViewType.Instance, flagCodes, [false, true]),
            new ContinuousColumn("Constant", NumberDataViewType.Double, Enumerable.Repeat(3.5, rows).ToArray()),
            new DiscreteColumn("Grade", NumberDataViewType.Double, grades, [1.0, 2.0, 3.0, double.NaN]),
            new DiscreteColumn("Size", new KeyDataViewType(typeof(uint), 3), sizes, [1u, 2u, 3u], ["small", "medium", "large"]),
            new ContinuousColumn("Joined", DateTimeDataViewType.Instance, joined),
        ]);
    }

    /// <summary>The value of a discrete column at a row.</summary>
    public static object ValueAt(DiscreteColumn column, int row) => column.Categories[column.Codes[row]];
}
