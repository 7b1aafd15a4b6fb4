namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// An empty data view with the input columns a saved GAN chain reads (seed and condition columns, typed as the live
/// transformer expects them), used only to fit the chain's trivial steps.
/// </summary>
internal static class SchemaOnlyData
{
    public static IDataView Create(MLContext mlContext, GanGenerationSettings settings, IConditionalRowGenerator? generator)
    {
        if (settings.SeedColumnName is null && settings.Condition is null)
            return new RowCountDataView(0);
        var definition = SchemaDefinition.Create(typeof(InputRow));
        Keep(definition, nameof(InputRow.Seed), settings.SeedColumnName, null);
        var condition = settings.Condition;
        Keep(definition, nameof(InputRow.Text), condition?.Kind == GanConditionKind.Text ? condition.Name : null, null);
        Keep(definition, nameof(InputRow.Key), condition?.Kind == GanConditionKind.Key ? condition.Name : null,
            condition?.Kind == GanConditionKind.Key ? new KeyDataViewType(typeof(uint), generator!.ConditionCategories!.Count) : null);
        Keep(definition, nameof(InputRow.Index), condition?.Kind == GanConditionKind.Index ? condition.Name : null, null);
        Keep(definition, nameof(InputRow.Vector), condition?.Kind == GanConditionKind.Vector ? condition.Name : null,
            condition?.Kind == GanConditionKind.Vector ? new VectorDataViewType(NumberDataViewType.Single, generator!.ConditionLength) : null);
        return mlContext.Data.LoadFromEnumerable(Array.Empty<InputRow>(), definition);
    }

    /// <summary>Keeps the member's column under <paramref name="name"/> (with <paramref name="type"/> if given), or removes it.</summary>
    private static void Keep(SchemaDefinition definition, string member, string? name, DataViewType? type)
    {
        var column = definition.Single(c => c.MemberName == member);
        if (name is null)
        {
            definition.Remove(column);
            return;
        }
        column.ColumnName = name;
        if (type is not null)
            column.ColumnType = type;
    }

    private sealed class InputRow
    {
        public long Seed { get; set; }

        public string Text { get; set; } = "";

        public uint Key { get; set; }

        public float Index { get; set; }

        public float[] Vector { get; set; } = [];
    }
}
