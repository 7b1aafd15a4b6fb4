using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tests.Augmentation;

/// <summary>A test row: a feature vector and a label (bool, uint for a key, float for a number).</summary>
internal sealed class FeatureRow<TLabel>
{
    public float[] Features { get; set; } = [];

    public TLabel Label { get; set; } = default!;

    /// <summary>A schema definition giving both columns the types of <paramref name="schema"/>.</summary>
    public static SchemaDefinition Definition(DataViewSchema schema)
    {
        var definition = SchemaDefinition.Create(typeof(FeatureRow<TLabel>));
        definition[nameof(Features)].ColumnType = schema[nameof(Features)].Type;
        definition[nameof(Label)].ColumnType = schema[nameof(Label)].Type;
        return definition;
    }
}
