namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// A fitted text-to-image model. Its <see cref="ImageGanTransformerBase.Transform"/> reads each row's text vector from
/// <see cref="ConditionColumn"/> and appends a generated image (planar C×H×W float vector in [PixelMin, PixelMax]), so
/// <c>FeaturizeText → TextToImage</c> is an ordinary pipeline; the row's noise comes from its seed column or its
/// position. Saves with <c>mlContext.Model.Save</c> (the loaded chain reads the same column);
/// <see cref="Load(MLContext, string)"/> restores this typed model. Every image comes from a text vector: there is no
/// unconditioned sampling.
/// </summary>
public sealed class TextToImageTransformer : ImageGanTransformerBase
{
    internal TextToImageTransformer(MLContext mlContext, TextToImageGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id)
        : base(mlContext, generator, settings, summary, id)
    {
    }

    /// <summary>The number of floats in a text vector.</summary>
    public int ConditionLength => Text.ConditionLength;

    /// <summary>The input column of text vectors that <see cref="ImageGanTransformerBase.Transform"/> reads.</summary>
    public GanConditionColumn ConditionColumn => Settings.Condition!;

    private TextToImageGenerator Text => (TextToImageGenerator)Generator;

    /// <summary>
    /// One image per text vector: <paramref name="conditions"/> holds the vectors row-major (a multiple of
    /// <see cref="ConditionLength"/> floats). Image i is the one <see cref="ImageGanTransformerBase.Transform"/> gives the
    /// input row at position i with that vector (without a seed column), for the same <paramref name="seed"/>.
    /// </summary>
    /// <param name="conditions">Text vectors, row-major.</param>
    /// <param name="seed">The stream's seed; null uses the model's.</param>
    /// <returns>Images, row-major planar values in [PixelMin, PixelMax].</returns>
    /// <exception cref="ArgumentException">The length of <paramref name="conditions"/> is not a multiple of ConditionLength, or a value is not finite.</exception>
    public float[] Generate(ReadOnlySpan<float> conditions, long? seed = null)
    {
        ThrowIfDisposed();
        int rows = RowCount(conditions);
        long streamSeed = seed ?? Settings.Seed;
        var seeds = Enumerable.Range(0, rows).Select(i => NoiseSeeds.ForPosition(streamSeed, i)).ToArray();
        var result = new float[rows * Shape.Length];
        const int Batch = GanRowStream.BlockSize;
        lock (Generator)
        {
            for (int start = 0; start < rows; start += Batch)
            {
                int count = Math.Min(Batch, rows - start);
                Text.GenerateRows(seeds[start..(start + count)], conditions.Slice(start * ConditionLength, count * ConditionLength),
                    result.AsSpan(start * Shape.Length, count * Shape.Length));
            }
        }
        return result;
    }

    /// <summary>The images of <see cref="Generate(ReadOnlySpan{float}, long?)"/> as an <see cref="ImageSet"/> in [0, 1],
    /// labelled with <paramref name="labels"/> (e.g. the class each caption names) when given.</summary>
    /// <exception cref="ArgumentException">The labels do not match the rows or <paramref name="classCount"/>.</exception>
    public ImageSet GenerateSet(ReadOnlySpan<float> conditions, long? seed = null, int[]? labels = null, int classCount = 0) =>
        ToImageSet(Generate(conditions, seed), labels, classCount);

    /// <summary>
    /// Writes a PNG grid with one row per text vector and <paramref name="columns"/> images of it (different noise).
    /// </summary>
    public void SaveGrid(string path, ReadOnlySpan<float> conditions, int columns, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        int rows = RowCount(conditions);
        var repeated = new float[rows * columns * ConditionLength];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
                conditions.Slice(r * ConditionLength, ConditionLength).CopyTo(repeated.AsSpan((r * columns + c) * ConditionLength));
        }
        ImageGrid.Save(path, GenerateSet(repeated, seed), rows, columns);
    }

    /// <summary>Loads a text-to-image model saved with <c>mlContext.Model.Save</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved text-to-image model (the message says what it is).</exception>
    public static new TextToImageTransformer Load(MLContext mlContext, string path) =>
        ImageFamilies.Load<TextToImageTransformer>(mlContext, path, "a text-to-image model");

    private int RowCount(ReadOnlySpan<float> conditions)
    {
        if (conditions.Length % ConditionLength != 0)
            throw new ArgumentException($"{conditions.Length} values are not a whole number of text vectors of {ConditionLength} floats.", nameof(conditions));
        foreach (float value in conditions)
        {
            if (!float.IsFinite(value))
                throw new ArgumentException($"A text vector holds a non-finite value ({value}).", nameof(conditions));
        }
        return conditions.Length / ConditionLength;
    }
}
