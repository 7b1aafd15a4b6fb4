using Microsoft.ML;
using Microsoft.ML.Gan.Augmentation;

namespace Microsoft.ML.Gan.Benchmarks.Augmentation;

/// <summary>The random-oversampling baseline as a synthesizer: a row of label v is a copy of a random real row of label v.</summary>
internal sealed class RandomOversampler(MLContext mlContext, IReadOnlyList<AdultRow> rows) : ILabelConditionedSynthesizer
{
    public string LabelColumnName => nameof(AdultRow.Label);

    public DataViewSchema Schema { get; } = mlContext.Data.LoadFromEnumerable(Array.Empty<AdultRow>()).Schema;

    public IDataView Generate(int count, object? label, long seed)
    {
        var random = new Random((int)seed);
        var candidates = rows.Where(r => label is null || r.Label == (bool)label).ToArray();
        return mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(_ => candidates[random.Next(candidates.Length)]).ToArray());
    }

    public void Dispose()
    {
    }
}
