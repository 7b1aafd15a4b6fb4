namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// Turns aligned rows into the float feature vectors of the ML-efficacy trainers, fitted on the real training rows
/// only: continuous columns standardized (missing values at the mean, plus a missing-indicator feature when any table
/// has missing values), categorical columns one-hot over their most frequent real categories plus one "other" slot.
/// </summary>
internal sealed class EfficacyFeaturizer
{
    /// <summary>The most categories that get their own one-hot slot.</summary>
    public const int MaxOneHotCategories = 100;

    private readonly List<int> _columns = [];
    private readonly List<(double Mean, double Scale, bool Indicator)> _continuous = [];
    private readonly List<int[]> _slotOfCode = [];
    private readonly List<int> _width = [];

    public EfficacyFeaturizer(AlignedTable realTraining, int labelColumn, params AlignedTable[] others)
    {
        var schema = realTraining.Schema;
        for (int c = 0; c < schema.ColumnCount; c++)
        {
            if (c == labelColumn) continue;
            _columns.Add(c);
            if (schema.IsDiscrete(c))
            {
                int[] counts = realTraining.CategoryCounts(c);
                var slot = Enumerable.Repeat(-1, counts.Length).ToArray();
                var top = Enumerable.Range(0, counts.Length).Where(k => counts[k] > 0)
                    .OrderByDescending(k => counts[k]).ThenBy(k => k).Take(MaxOneHotCategories).ToList();
                for (int s = 0; s < top.Count; s++) slot[top[s]] = s;
                _slotOfCode.Add(slot);
                _width.Add(top.Count + 1);
                _continuous.Add(default);
                Dimension += top.Count + 1;
            }
            else
            {
                double[] values = realTraining.Values(c);
                var present = values.Where(v => !double.IsNaN(v)).ToArray();
                double mean = present.Length == 0 ? 0 : present.Average();
                double sd = present.Length == 0 ? 0 : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Length);
                bool indicator = values.Any(double.IsNaN) || others.Any(t => t.Values(c).Any(double.IsNaN));
                _continuous.Add((mean, sd > 0 ? 1 / sd : 1, indicator));
                _slotOfCode.Add([]);
                _width.Add(indicator ? 2 : 1);
                Dimension += indicator ? 2 : 1;
            }
        }
    }

    public int Dimension { get; }

    public float[] Features(AlignedTable table, int row)
    {
        var features = new float[Dimension];
        int offset = 0;
        for (int i = 0; i < _columns.Count; i++)
        {
            int c = _columns[i];
            if (table.Schema.IsDiscrete(c))
            {
                int[] slot = _slotOfCode[i];
                int code = table.Codes(c)[row];
                int width = _width[i];
                int s = code < slot.Length ? slot[code] : -1;
                features[offset + (s >= 0 ? s : width - 1)] = 1;
                offset += width;
            }
            else
            {
                var (mean, scale, indicator) = _continuous[i];
                double v = table.Values(c)[row];
                bool missing = double.IsNaN(v);
                features[offset++] = missing ? 0 : (float)Math.Clamp((v - mean) * scale, -1e6, 1e6);
                if (indicator) features[offset++] = missing ? 1 : 0;
            }
        }
        return features;
    }

    /// <summary>A schema definition giving the features this featurizer's fixed size and the label its type.</summary>
    public SchemaDefinition Schema<TLabel>(DataViewType labelType)
    {
        var definition = SchemaDefinition.Create(typeof(EfficacyRow<TLabel>));
        definition[nameof(EfficacyRow<TLabel>.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Dimension);
        definition[nameof(EfficacyRow<TLabel>.Label)].ColumnType = labelType;
        return definition;
    }
}

/// <summary>One row of an ML-efficacy training or test set.</summary>
/// <typeparam name="TLabel">Boolean (binary), <see cref="uint"/> key (multiclass) or <see cref="float"/> (regression).</typeparam>
internal sealed class EfficacyRow<TLabel>
{
    public float[] Features { get; set; } = [];

    public TLabel Label { get; set; } = default!;
}
