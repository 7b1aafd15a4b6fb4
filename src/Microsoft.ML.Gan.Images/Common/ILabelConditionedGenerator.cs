namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The class-label capability of a fitted generator (the DCGAN-like family): its classes, and a stream block with every
/// row of one class. Only generators that have classes implement it; callers ask for it instead of calling a member
/// that throws.
/// </summary>
internal interface ILabelConditionedGenerator
{
    /// <summary>Number of classes; 0 for an unconditional model of a family that can be conditional.</summary>
    int ClassCount { get; }

    /// <summary>Block <paramref name="blockIndex"/> of the stream of <paramref name="seed"/> with every row of class
    /// <paramref name="label"/> (the same noise as the unlabelled stream).</summary>
    void GenerateBlockOfClass(long seed, long blockIndex, int label, Span<float> destination);
}
