namespace Microsoft.ML.Gan.Augmentation;

/// <summary>
/// Keeps the synthetic rows to which a model fitted on the real rows gives their own label a probability of at least
/// a threshold: <c>Probability</c> (or 1 − it for a false label) for a Boolean label, the key's slot of <c>Score</c>
/// for a key label.
/// </summary>
internal static class QualityFilter
{
    private const string Probability = "Probability";
    private const string Score = "Score";

    public static bool[] Keep(ITransformer firstPass, IDataView synthetic, string labelColumnName, double threshold)
    {
        var scored = firstPass.Transform(synthetic);
        var label = scored.Schema[labelColumnName];
        var keep = new List<bool>();
        if (label.Type is BooleanDataViewType)
        {
            var probability = Require(scored.Schema, Probability, "a Boolean label (binary classification with a calibrated trainer)");
            using var cursor = scored.GetRowCursor([label, probability]);
            var readLabel = cursor.GetGetter<bool>(label);
            var readProbability = cursor.GetGetter<float>(probability);
            bool value = false;
            float p = 0;
            while (cursor.MoveNext())
            {
                readLabel(ref value);
                readProbability(ref p);
                keep.Add((value ? p : 1 - p) >= threshold);
            }
        }
        else if (label.Type is KeyDataViewType)
        {
            var score = Require(scored.Schema, Score, "a key label (multiclass classification)");
            using var cursor = scored.GetRowCursor([label, score]);
            var readLabel = LabelValues.CreateReader(cursor, label);
            var readScore = cursor.GetGetter<VBuffer<float>>(score);
            VBuffer<float> scores = default;
            while (cursor.MoveNext())
            {
                readScore(ref scores);
                keep.Add(readLabel() is ulong key && (int)key - 1 < scores.Length && scores.GetItemOrDefault((int)key - 1) >= threshold);
            }
        }
        else
        {
            throw new ArgumentException(
                $"QualityThreshold needs a Boolean or key label; column '{labelColumnName}' is {label.Type}. Convert it with MapValueToKey, or leave QualityThreshold null.",
                nameof(labelColumnName));
        }
        return [.. keep];
    }

    private static DataViewSchema.Column Require(DataViewSchema schema, string name, string what)
    {
        var column = schema.GetColumnOrNull(name);
        bool ok = name == Probability
            ? column?.Type == NumberDataViewType.Single
            : column?.Type is VectorDataViewType { ItemType: NumberDataViewType, Size: > 0 } vector && vector.ItemType == NumberDataViewType.Single;
        if (!ok)
            throw new InvalidOperationException(
                $"QualityThreshold needs the wrapped estimator's model to output a '{name}' column of Single{(name == Score ? " vector" : "")} for {what}; its output has columns {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        return column!.Value;
    }
}
