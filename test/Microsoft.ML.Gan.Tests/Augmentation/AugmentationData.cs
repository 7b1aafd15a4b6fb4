using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tests.Augmentation;

/// <summary>Small seeded tables: two Gaussian features, a label whose classes have different centres and counts.</summary>
internal static class AugmentationData
{
    /// <summary>Boolean label: <paramref name="negatives"/> rows around (0, 0), <paramref name="positives"/> around (1.5, 1.5).</summary>
    public static IDataView Binary(MLContext mlContext, int negatives, int positives, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, negatives + positives).Select(i =>
        {
            bool positive = i >= negatives;
            return new FeatureRow<bool> { Features = Point(random, positive ? 1.5f : 0f), Label = positive };
        }).ToArray();
        return Load(mlContext, rows, BooleanDataViewType.Instance);
    }

    /// <summary>Key label with one class per count, class k around (k, k) (key k + 1: LoadFromEnumerable adds the 1 to a key property).</summary>
    public static IDataView Multiclass(MLContext mlContext, IReadOnlyList<int> counts, int seed)
    {
        var random = new Random(seed);
        var rows = counts.SelectMany((count, k) => Enumerable.Range(0, count)
            .Select(_ => new FeatureRow<uint> { Features = Point(random, k), Label = (uint)k })).ToArray();
        return Load(mlContext, rows, new KeyDataViewType(typeof(uint), counts.Count));
    }

    /// <summary>Numeric label y = x₀ + 2 x₁ + noise.</summary>
    public static IDataView Regression(MLContext mlContext, int count, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(_ =>
        {
            var x = Point(random, 0);
            return new FeatureRow<float> { Features = x, Label = x[0] + 2 * x[1] + 0.1f * (float)random.NextDouble() };
        }).ToArray();
        return Load(mlContext, rows, NumberDataViewType.Single);
    }

    private static float[] Point(Random random, float centre) =>
        [centre + (float)(random.NextDouble() * 2 - 1), centre + (float)(random.NextDouble() * 2 - 1)];

    private static IDataView Load<TLabel>(MLContext mlContext, FeatureRow<TLabel>[] rows, DataViewType labelType)
    {
        var definition = SchemaDefinition.Create(typeof(FeatureRow<TLabel>));
        definition[nameof(FeatureRow<TLabel>.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2);
        definition[nameof(FeatureRow<TLabel>.Label)].ColumnType = labelType;
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    /// <summary>How many rows of <paramref name="data"/> have each label value (as the augmentation reads them).</summary>
    public static Dictionary<object, long> CountLabels(IDataView data)
    {
        var label = data.Schema["Label"];
        var counts = new Dictionary<object, long>();
        using var cursor = data.GetRowCursor([label]);
        var read = Gan.Augmentation.LabelValues.CreateReader(cursor, label);
        while (cursor.MoveNext())
        {
            var value = read()!;
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        return counts;
    }
}
