namespace Microsoft.ML.Gan.Images;

/// <summary>
/// A fitted DCGAN-like image GAN (vanilla MLP, DCGAN, WGAN, WGAN-GP, cGAN, AC-GAN, projection). As a transformer it
/// appends a generated image to every input row: row p of its seeded stream, or the image of the row's own seed when a
/// seed column is configured. For a conditional model row p has class p mod <see cref="ClassCount"/> (a seeded row,
/// its seed mod ClassCount): to ask for given classes use <see cref="Generate"/>, <see cref="GenerateSet"/> or
/// <see cref="SaveGrid"/>, or <see cref="ConditionedOn"/> for a transformer that reads each row's class from a label
/// column. Saves with <c>mlContext.Model.Save</c>; <see cref="Load(MLContext, string)"/> restores this typed model.
/// </summary>
public sealed class ImageGanTransformer : ImageGanTransformerBase
{
    internal ImageGanTransformer(MLContext mlContext, ImageGanGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id)
        : base(mlContext, generator, settings, summary, id)
    {
    }

    /// <summary>
    /// A model whose <see cref="ImageGanTransformerBase.Transform"/> generates, for each input row, an image of the class
    /// that row's label column names (the row's noise comes from its seed column, or from its position). Accepted
    /// label columns: a key with <see cref="ClassCount"/> values (key k is class k − 1, what <c>MapValueToKey</c>
    /// gives), a number holding the 0-based class (<see cref="GanConditionKind.Index"/>), or text "0" … "K−1".
    /// Conditioned images are generated one at a time; the model saves and loads with its label column.
    /// </summary>
    /// <param name="labelColumnName">The input column holding each row's class.</param>
    /// <param name="kind">How the column holds the class: Key (default), Index or Text.</param>
    /// <returns>A new transformer (dispose it too) with the same weights and settings.</returns>
    /// <exception cref="InvalidOperationException">The model is unconditional.</exception>
    /// <exception cref="ArgumentException">The column name is blank or <paramref name="kind"/> is Vector.</exception>
    public ImageGanTransformer ConditionedOn(string labelColumnName, GanConditionKind kind = GanConditionKind.Key)
    {
        ThrowIfDisposed();
        if (ClassCount == 0)
            throw new InvalidOperationException("This image GAN is unconditional: it has no class to condition on.");
        var condition = new GanConditionColumn(labelColumnName, kind);
        if (!condition.IsCategorical)
            throw new ArgumentException("A class label is read as a Key, Index or Text column, not as a Vector.", nameof(kind));
        var copy = ImageGanFamily.Instance.Copy(Labelled, Labelled.Device);
        return new ImageGanTransformer(MLContext, copy, Settings.WithCondition(condition), TrainingSummary, Guid.NewGuid());
    }

    /// <summary>The input column whose class conditions each generated row, or null (see <see cref="ConditionedOn"/>).</summary>
    public GanConditionColumn? ConditionColumn => Settings.Condition;

    /// <summary>Number of classes of a conditional model; 0 when unconditional.</summary>
    public int ClassCount => Labelled.ClassCount;

    /// <summary>The conditioning the model was trained with.</summary>
    public ImageConditioning Conditioning => Labelled.Spec.Conditioning;

    private ImageGanGenerator Labelled => (ImageGanGenerator)Generator;

    /// <summary>
    /// <paramref name="count"/> generated images, row-major planar C×H×W values in [PixelMin, PixelMax]. Without a label
    /// these are the first rows of the stream of <paramref name="seed"/> (the rows <see cref="Sample"/> gives); with
    /// one, the same noise with every image of that class.
    /// </summary>
    /// <param name="count">How many images.</param>
    /// <param name="label">Class (0-based) of every image, for a conditional model; null for the stream's classes.</param>
    /// <param name="seed">The stream's seed; null uses the model's.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative, or the label is outside [0, ClassCount) or given to an unconditional model.</exception>
    public float[] Generate(int count, int? label = null, long? seed = null)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (label is int l && (ClassCount == 0 || l < 0 || l >= ClassCount))
            throw new ArgumentOutOfRangeException(nameof(label), label,
                ClassCount == 0 ? "This model is unconditional; pass no label." : $"label is {l}; expected a class in [0, {ClassCount}).");
        return GenerateStream(count, seed, (streamSeed, index, block) =>
        {
            if (label is int classIndex)
                Labelled.GenerateBlockOfClass(streamSeed, index, classIndex, block);
            else
                Labelled.GenerateBlock(streamSeed, index, block);
        });
    }

    /// <summary>
    /// Generated images as an <see cref="ImageSet"/> (values rescaled to [0, 1]) with their classes: all
    /// <paramref name="label"/>, or image p of class p mod ClassCount (null labels for an unconditional model).
    /// </summary>
    public ImageSet GenerateSet(int count, int? label = null, long? seed = null)
    {
        int[]? labels = ClassCount == 0 ? null : Enumerable.Range(0, count).Select(p => label ?? p % ClassCount).ToArray();
        return ToImageSet(Generate(count, label, seed), labels, ClassCount);
    }

    /// <summary><paramref name="count"/> generated images as <see cref="MLImage"/>s (opaque RGBA); dispose them.</summary>
    public MLImage[] GenerateImages(int count, int? label = null, long? seed = null) => ToMLImages(GenerateSet(count, label, seed));

    /// <summary>
    /// <paramref name="rowCount"/> generated rows (the generated vector and image columns only, no seed column): the
    /// stream of <paramref name="seed"/>, row p of class p mod ClassCount for a conditional model.
    /// </summary>
    public IDataView Sample(long rowCount, long? seed = null) => SampleRows(rowCount, seed);

    /// <summary>
    /// Writes a PNG grid of rows × columns generated images. For a conditional model row r holds class r mod ClassCount
    /// (a 10×10 grid of a 10-class model shows each class in one row); otherwise the first rows·columns stream images.
    /// </summary>
    public void SaveGrid(string path, int rows, int columns, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ImageSet set;
        if (ClassCount == 0)
        {
            set = GenerateSet(rows * columns, null, seed);
        }
        else
        {
            var pixels = new float[rows * columns * Shape.Length];
            for (int r = 0; r < rows; r++)
                GenerateSet(columns, r % ClassCount, (seed ?? Settings.Seed) + r).Pixels.CopyTo(pixels, r * columns * Shape.Length);
            set = new ImageSet(Shape, pixels);
        }
        ImageGrid.Save(path, set, rows, columns);
    }

    /// <summary>Loads a DCGAN-like image GAN saved with <c>mlContext.Model.Save</c> as this typed model.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved DCGAN-like image GAN (the message says what it is).</exception>
    public static new ImageGanTransformer Load(MLContext mlContext, string path) =>
        ImageFamilies.Load<ImageGanTransformer>(mlContext, path, "a DCGAN-like image GAN");
}
