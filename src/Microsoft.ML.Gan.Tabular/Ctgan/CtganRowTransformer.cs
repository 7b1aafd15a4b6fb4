using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The persistence bridge's view of a fitted CTGAN: appends the decoded row as floats (<see cref="DecodedRows"/>)
/// to each input row, and saves the generator inside the model zip. <see cref="CtganModel"/> puts the per-column
/// steps after it.
/// </summary>
internal sealed class CtganRowTransformer : GanTransformerBase
{
    private readonly Guid _id;

    public CtganRowTransformer(MLContext mlContext, CtganGenerator generator, GanGenerationSettings settings, Guid id)
        : base(mlContext, generator, settings)
    {
        _id = id;
    }

    public CtganGenerator CtganGenerator => (CtganGenerator)Generator;

    protected override GanPayload CreatePayload() => new(CtganFamily.Name, _id, CtganFamily.Write(CtganGenerator));
}
