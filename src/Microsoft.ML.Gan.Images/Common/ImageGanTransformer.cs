using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// A fitted image GAN. As a transformer it appends a generated image (planar C×H×W float vector in
/// [PixelMin, PixelMax]) to every input row: row p of its seeded stream, or the image of the row's own seed when a
/// seed column is configured. For a conditional model row p has class p mod <see cref="ClassCount"/> (a seeded row,
/// its seed mod ClassCount): to ask for given classes use <see cref="Generate"/>, <see cref="GenerateSet"/> or
/// <see cref="SaveGrid"/>, or <see cref="ConditionedOn"/> for a transformer that reads each row's class from a label column. Saves with <c>mlContext.Model.Save</c>; <see cref="Load(MLContext, string)"/> restores
/// this typed model from the same zip. StyleGAN and text-to-image models are its subclasses
/// (<see cref="StyleGan.StyleGanTransformer"/>, <see cref="TextToImage.TextToImageTransformer"/>), which add their own
/// generation controls.
/// </summary>
public class ImageGanTransformer : GanTransformerBase
{
    private readonly MLContext _mlContext;
    private readonly Guid _id;

    internal ImageGanTransformer(MLContext mlContext, ImageGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id)
        : base(mlContext, generator, settings)
    {
        _mlContext = mlContext;
        TrainingSummary = summary;
        _id = id;
    }

    /// <summary>
    /// A model whose <see cref="GanTransformerBase.Transform"/> generates, for each input row, an image of the class
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
        var dcgan = (ImageGanGenerator)ImageGenerator;
        var copy = ImageGanFamily.Copy(dcgan);
        return new ImageGanTransformer(_mlContext, copy, Settings.WithCondition(condition), TrainingSummary, Guid.NewGuid());
    }

    /// <summary>The input column whose class conditions each generated row, or null (see <see cref="ConditionedOn"/>).</summary>
    public GanConditionColumn? ConditionColumn => Settings.Condition;

    /// <summary>What training did (null for a loaded model).</summary>
    public TrainingSummary? TrainingSummary { get; }

    /// <summary>The shape of a generated image.</summary>
    public ImageShape Shape => ImageGenerator.Shape;

    /// <summary>Number of classes of a conditional model; 0 when unconditional.</summary>
    public int ClassCount => ImageGenerator.ClassCount;

    /// <summary>The conditioning the model was trained with.</summary>
    public ImageConditioning Conditioning => ImageGenerator.Conditioning;

    /// <summary>Pixel value of black in generated vectors.</summary>
    public float PixelMin => ImageGenerator.PixelMin;

    /// <summary>Pixel value of full intensity in generated vectors.</summary>
    public float PixelMax => ImageGenerator.PixelMax;

    private protected ImageGenerator ImageGenerator => (ImageGenerator)Generator;

    /// <summary>The id of these exact weights (kept by save and load).</summary>
    private protected Guid Id => _id;

    /// <summary>
    /// <paramref name="count"/> generated images, row-major planar C×H×W values in [PixelMin, PixelMax]. Without a label
    /// these are the first rows of the stream of <paramref name="seed"/> (the rows <see cref="GanTransformerBase.Sample"/>
    /// gives); with one, the same noise with every image of that class.
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
                ImageGenerator.GenerateBlockOfClass(streamSeed, index, classIndex, block);
            else
                ImageGenerator.GenerateBlock(streamSeed, index, block);
        });
    }

    /// <summary>The first <paramref name="count"/> rows of a stream whose blocks <paramref name="generateBlock"/> fills
    /// (arguments: the stream's seed, the block index, the block's buffer), under the generator's lock.</summary>
    private protected float[] GenerateStream(int count, long? seed, Action<long, int, float[]> generateBlock)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int length = Shape.Length;
        var result = new float[(long)count * length];
        var block = new float[GanRowStream.BlockSize * length];
        long streamSeed = seed ?? Settings.Seed;
        for (int start = 0, index = 0; start < count; start += GanRowStream.BlockSize, index++)
        {
            lock (Generator)
                generateBlock(streamSeed, index, block);
            int rows = Math.Min(GanRowStream.BlockSize, count - start);
            block.AsSpan(0, rows * length).CopyTo(result.AsSpan(start * length));
        }
        return result;
    }

    /// <summary>
    /// Generated images as an <see cref="ImageSet"/> (values rescaled to [0, 1]) with their classes: all
    /// <paramref name="label"/>, or image p of class p mod ClassCount (null labels for an unconditional model).
    /// </summary>
    public ImageSet GenerateSet(int count, int? label = null, long? seed = null)
    {
        int[]? labels = ClassCount == 0 ? null : Enumerable.Range(0, count).Select(p => label ?? p % ClassCount).ToArray();
        return ToImageSet(Generate(count, label, seed), labels);
    }

    /// <summary>Generated values (in [PixelMin, PixelMax], rescaled here in place) as an <see cref="ImageSet"/> in [0, 1].</summary>
    private protected ImageSet ToImageSet(float[] values, int[]? labels = null, int? classCount = null)
    {
        float min = PixelMin, range = PixelMax - PixelMin;
        for (int i = 0; i < values.Length; i++)
            values[i] = Math.Clamp((values[i] - min) / range, 0f, 1f);
        return new ImageSet(Shape, values, labels, labels is null ? 0 : classCount ?? ClassCount);
    }

    /// <summary><paramref name="count"/> generated images as <see cref="MLImage"/>s (opaque RGBA); dispose them.</summary>
    public MLImage[] GenerateImages(int count, int? label = null, long? seed = null)
    {
        var set = GenerateSet(count, label, seed);
        return Enumerable.Range(0, count).Select(i => ImageGrid.ToMLImage(set.Pixels.AsSpan(i * Shape.Length, Shape.Length), Shape)).ToArray();
    }

    /// <summary>One generated row of the output column (values in [PixelMin, PixelMax]) as an <see cref="MLImage"/>.</summary>
    public MLImage ToMLImage(ReadOnlySpan<float> generated) => ImageColumn.ToMLImage(generated);

    /// <summary>
    /// The name of the <see cref="MLImage"/> column that <see cref="GanTransformerBase.Transform"/> appends after the
    /// generated vector column: that column's name followed by "Image".
    /// </summary>
    public string ImageColumnName => ImageColumn.Name;

    /// <inheritdoc />
    private protected override GeneratedColumnDerivation Derivation => ImageColumn;

    private GeneratedImageColumn ImageColumn => new(Settings.OutputColumnName, Shape, PixelMin, PixelMax);

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

    /// <summary>
    /// Loads an image GAN saved with <c>mlContext.Model.Save</c> as this typed, fast model (a
    /// <see cref="StyleGan.StyleGanTransformer"/> for a StyleGAN).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a saved image GAN (the message says what it is).</exception>
    public static ImageGanTransformer Load(MLContext mlContext, string path)
    {
        var saved = GanModelLoader.Load(mlContext, path);
        return ImageGanFamilies.Rebuild(mlContext, saved)
            ?? throw new InvalidDataException($"'{path}' holds a '{saved.Payload.Family}' GAN model, not an image GAN.");
    }

    /// <inheritdoc />
    private protected override GanPayload CreatePayload() => new(ImageGenerator.FamilyName, _id, ImageGenerator.WriteBody());
}
