using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>
/// A fitted vector GAN. As a transformer it appends a generated vector to every input row (row p of its seeded stream,
/// or from the row's own seed when a seed column is configured); <see cref="GanTransformerBase.Sample"/> makes a
/// data view of n generated rows. Saves with <c>mlContext.Model.Save</c>; <see cref="Load(MLContext, string)"/>
/// restores this fast typed model from the same zip.
/// </summary>
public sealed class VectorGanTransformer : GanTransformerBase
{
    private readonly Guid _id;

    internal VectorGanTransformer(MLContext mlContext, VectorGanGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id)
        : base(mlContext, generator, settings)
    {
        TrainingSummary = summary;
        _id = id;
    }

    /// <summary>What training did (null for a loaded model).</summary>
    public TrainingSummary? TrainingSummary { get; }

    /// <summary>Loads a vector GAN saved with <c>mlContext.Model.Save</c> as this typed, fast model.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved vector GAN (the message says what it is).</exception>
    public static VectorGanTransformer Load(MLContext mlContext, string path)
    {
        var saved = GanModelLoader.Load(mlContext, path);
        if (saved.Payload.Family != VectorGanFamily.Name)
            throw new InvalidDataException($"'{path}' holds a '{saved.Payload.Family}' GAN model, not a vector GAN.");
        var generator = VectorGanFamily.Read(saved.Payload.Body.ToArray(), TorchSharp.torch.CPU);
        return new VectorGanTransformer(mlContext, generator, saved.Settings, null, saved.Payload.Id);
    }

    /// <inheritdoc />
    private protected override GanPayload CreatePayload() =>
        new(VectorGanFamily.Name, _id, VectorGanFamily.Write((VectorGanGenerator)Generator));
}
