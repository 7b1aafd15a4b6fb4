using Microsoft.ML.Data;
using Microsoft.ML.Gan.Augmentation;

namespace Microsoft.ML.Gan.Tests.Augmentation;

/// <summary>
/// A simple real synthesizer for fast tests: a row of label v is a real row of label v drawn at random, its features
/// moved by Gaussian noise (σ = <see cref="Noise"/>). Rows are <see cref="FeatureRow{TLabel}"/>s with the label column's type.
/// </summary>
internal sealed class JitterSynthesizer<TLabel> : ILabelConditionedSynthesizer
{
    public const float Noise = 0.1f;

    private readonly MLContext _mlContext;
    private readonly FeatureRow<TLabel>[] _rows;
    private readonly object?[] _labels;
    private readonly SchemaDefinition _definition;
    private readonly bool _isKey; // CreateEnumerable gives raw keys, LoadFromEnumerable adds 1 to a key property

    public JitterSynthesizer(MLContext mlContext, IDataView data, string labelColumnName)
    {
        _mlContext = mlContext;
        LabelColumnName = labelColumnName;
        _rows = [.. mlContext.Data.CreateEnumerable<FeatureRow<TLabel>>(data, reuseRowObject: false)];
        var label = data.Schema[labelColumnName];
        var labels = new List<object?>();
        using (var cursor = data.GetRowCursor([label]))
        {
            var read = LabelValues.CreateReader(cursor, label);
            while (cursor.MoveNext())
                labels.Add(read());
        }
        _labels = [.. labels];
        _definition = FeatureRow<TLabel>.Definition(data.Schema);
        _isKey = label.Type is KeyDataViewType;
        Schema = data.Schema;
    }

    public bool Disposed { get; private set; }

    public string LabelColumnName { get; }

    public DataViewSchema Schema { get; }

    public IDataView Generate(int count, object? label, long seed)
    {
        var random = new Random((int)seed);
        int[] candidates = [.. Enumerable.Range(0, _rows.Length).Where(i => label is null || Equals(_labels[i], label))];
        if (candidates.Length == 0)
            throw new ArgumentException($"No real row has label {label}.", nameof(label));
        var rows = new FeatureRow<TLabel>[count];
        for (int i = 0; i < count; i++)
        {
            var source = _rows[candidates[random.Next(candidates.Length)]];
            rows[i] = new FeatureRow<TLabel>
            {
                Features = [.. source.Features.Select(x => x + Noise * Gaussian(random))],
                Label = _isKey ? (TLabel)(object)((uint)(object)source.Label! - 1) : source.Label,
            };
        }
        return _mlContext.Data.LoadFromEnumerable(rows, _definition);
    }

    public void Dispose() => Disposed = true;

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}

/// <summary>Fits a <see cref="JitterSynthesizer{TLabel}"/> and remembers it.</summary>
internal sealed class JitterSynthesizerFactory<TLabel>(MLContext mlContext) : ISynthesizerFactory
{
    public JitterSynthesizer<TLabel>? Last { get; private set; }

    public int Fits { get; private set; }

    public ILabelConditionedSynthesizer Fit(IDataView data, string labelColumnName, bool labelIsCategorical)
    {
        Fits++;
        return Last = new JitterSynthesizer<TLabel>(mlContext, data, labelColumnName);
    }
}
