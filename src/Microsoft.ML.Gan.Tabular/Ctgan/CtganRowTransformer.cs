namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The persistence bridge's view of a fitted tabular synthesizer: appends the decoded row as floats (<see cref="DecodedRows"/>)
/// to each input row, and saves the generator inside the model zip. <see cref="CtganModel"/> puts the per-column
/// steps after it. The generator is a <see cref="TabularGenerator"/>, or a <see cref="CtganConditionedGenerator"/>
/// when an input column conditions each row.
/// </summary>
internal sealed class CtganRowTransformer : GanTransformerBase
{
    private readonly Guid _id;

    public CtganRowTransformer(MLContext mlContext, IRowGenerator generator, GanGenerationSettings settings, Guid id)
        : base(mlContext, generator, settings)
    {
        _id = id;
    }

    /// <summary>The generator as the bridge sees it.</summary>
    public IRowGenerator RowGenerator => Generator;

    /// <summary>The tabular generator (the wrapped one of a conditioned model).</summary>
    public TabularGenerator TabularGenerator => Generator as TabularGenerator ?? ((CtganConditionedGenerator)Generator).Inner;

    private protected override GanPayload CreatePayload()
    {
        var (family, body) = CtganFamily.Write(Generator);
        return new GanPayload(family, _id, body);
    }
}
