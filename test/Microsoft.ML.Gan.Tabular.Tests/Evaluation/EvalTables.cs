using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Evaluation;

/// <summary>Small seeded tables with known metric values.</summary>
internal static class EvalTables
{
    /// <summary>
    /// X (Double), Y = X + noise (Double), Color (text with a rare "violet" seen twice), Label (text "yes"/"no",
    /// "yes" when X + noise &gt; 0: learnable from X).
    /// </summary>
    public static TabularTable Linear(int rows, int seed, bool withRare = true)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        var color = new int[rows];
        var label = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            x[i] = Gaussian.Next(random, 0, 2);
            y[i] = x[i] + Gaussian.Next(random, 0, 0.5);
            color[i] = withRare && i < 2 ? 3 : random.Next(3);
            label[i] = x[i] + Gaussian.Next(random, 0, 0.3) > 0 ? 1 : 0;
        }
        return new TabularTable(
        [
            new ContinuousColumn("X", NumberDataViewType.Double, x),
            new ContinuousColumn("Y", NumberDataViewType.Double, y),
            new DiscreteColumn("Color", TextDataViewType.Instance, color, ["red", "green", "blue", "violet"]),
            new DiscreteColumn("Label", TextDataViewType.Instance, label, ["no", "yes"]),
        ]);
    }

    /// <summary>Two continuous and one text column with the given values.</summary>
    public static TabularTable Of(double[] a, double[] b, string[] category) => new(
    [
        new ContinuousColumn("A", NumberDataViewType.Double, a),
        new ContinuousColumn("B", NumberDataViewType.Double, b),
        new DiscreteColumn("C", TextDataViewType.Instance, [.. category.Select(c => Array.IndexOf(category.Distinct().ToArray(), c))], [.. category.Distinct()]),
    ]);

    /// <summary>The same table with its label column's values shuffled among rows (the label no longer depends on the features).</summary>
    public static TabularTable ShuffleLabel(TabularTable table, int seed)
    {
        var label = (DiscreteColumn)table["Label"];
        int[] codes = label.Codes.ToArray();
        new Random(seed).Shuffle(codes);
        return new TabularTable(table.Columns.Select(c => c.Name == "Label"
            ? new DiscreteColumn("Label", label.Type, codes, label.Categories)
            : c));
    }
}
