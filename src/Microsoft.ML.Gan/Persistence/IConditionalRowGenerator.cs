namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// A fitted generator whose rows can depend on a per-row condition read from an input column: a class label for a
/// conditional image GAN, a category for a tabular synthesizer, an input image for an image-to-image model, a text
/// embedding for text-to-image. A transformer whose generation settings name a condition column feeds each
/// input row's condition to <see cref="GenerateConditioned"/>.
/// </summary>
/// <remarks>
/// The bridge hands the condition over as floats: a float-vector condition column arrives as is
/// (<see cref="ConditionLength"/> values); a categorical condition (text or key column, see
/// <see cref="ConditionCategories"/>) arrives as one float, the 0-based index of the row's category. Unconditioned
/// generation (<see cref="IRowGenerator.GenerateBlock"/>) stays available, so one fitted model serves both uses.
/// </remarks>
internal interface IConditionalRowGenerator : IRowGenerator
{
    /// <summary>
    /// The number of floats in a vector condition (e.g. C×H×W of an input image, the size of a text embedding),
    /// or 1 for a categorical condition.
    /// </summary>
    int ConditionLength { get; }

    /// <summary>
    /// The category names a categorical condition may take (in index order), or null when the condition is a
    /// float vector. A text condition column must hold one of these names; a key condition column must have this
    /// many keys.
    /// </summary>
    IReadOnlyList<string>? ConditionCategories { get; }

    /// <summary>Generates one row for one condition.</summary>
    /// <param name="rowSeed">The row's seed (its noise depends only on it).</param>
    /// <param name="condition">
    /// <see cref="ConditionLength"/> floats: the condition vector, or the 0-based category index.
    /// </param>
    /// <param name="destination">Exactly <see cref="IRowGenerator.OutputLength"/> floats.</param>
    void GenerateConditioned(long rowSeed, ReadOnlySpan<float> condition, Span<float> destination);
}
