namespace Microsoft.ML.Gan.Images;

/// <summary>
/// A fitted image-to-image GAN (pix2pix, SRGAN or CycleGAN). As a transformer it reads each row's input image from the
/// float-vector column <see cref="InputColumnName"/> (planar <see cref="InputShape"/> values in [PixelMin, PixelMax])
/// and appends the translated image (planar <see cref="ImageGanTransformerBase.Shape"/>) as a new column; translation is deterministic.
/// For many images at once use <see cref="Translate(ImageSet)"/>; for images larger than the training size,
/// <see cref="TranslateTiled"/>. Saves with <c>mlContext.Model.Save</c>; <see cref="Load"/> restores this typed model.
/// </summary>
public sealed class ImageTranslationTransformer : ImageGanTransformerBase
{
    internal ImageTranslationTransformer(MLContext mlContext, ImageTranslationGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id)
        : base(mlContext, generator, settings, summary, id)
    {
    }

    /// <summary>The family of the model.</summary>
    internal ImageTranslationKind Kind => TranslationGenerator.Spec.Kind;

    /// <summary>The input column <c>Transform</c> reads.</summary>
    public string InputColumnName => Settings.Condition!.Name;

    /// <summary>The shape of an input image.</summary>
    public ImageShape InputShape => TranslationGenerator.Spec.InputShape;

    private ImageTranslationGenerator TranslationGenerator => (ImageTranslationGenerator)Generator;

    /// <summary>Translates images given as planar values in [PixelMin, PixelMax], <see cref="InputShape"/> each.</summary>
    /// <exception cref="ArgumentException">The length is not a whole number of input images.</exception>
    public float[] Translate(float[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ThrowIfDisposed();
        int length = InputShape.Length;
        if (inputs.Length % length != 0)
            throw new ArgumentException($"{inputs.Length} values are not a whole number of {InputShape} input images ({length} values each).", nameof(inputs));
        int count = inputs.Length / length;
        var result = new float[(long)count * Shape.Length];
        lock (Generator)
            TranslationGenerator.Translate(inputs, count, result);
        return result;
    }

    /// <summary>Translates a set of <see cref="InputShape"/> images (values in [0, 1]); the result holds values in [0, 1].</summary>
    /// <exception cref="ArgumentException">The set's images are not of <see cref="InputShape"/>.</exception>
    public ImageSet Translate(ImageSet inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Shape != InputShape)
            throw new ArgumentException($"The model translates {InputShape} images, not {inputs.Shape}; use TranslateTiled for larger images.", nameof(inputs));
        var scaled = inputs.Pixels.Select(v => PixelMin + v * (PixelMax - PixelMin)).ToArray();
        var output = Translate(scaled);
        for (int i = 0; i < output.Length; i++)
            output[i] = Math.Clamp((output[i] - PixelMin) / (PixelMax - PixelMin), 0f, 1f);
        return new ImageSet(Shape, output, inputs.Labels, inputs.ClassCount);
    }

    /// <summary>
    /// Translates images larger than the training size (e.g. super-resolution of whole photos after training on
    /// crops): each image is cut into overlapping tiles of <see cref="InputShape"/>'s size, the tiles are translated
    /// in one batch, and overlapping outputs are averaged. Values in [0, 1] in and out.
    /// </summary>
    /// <param name="inputs">Images with <see cref="InputShape"/>'s channels and at least its height and width.</param>
    /// <param name="overlap">Pixels (in input resolution) shared by neighbouring tiles; less than half a tile.</param>
    /// <exception cref="ArgumentException">The channels differ or an image is smaller than a tile.</exception>
    public ImageSet TranslateTiled(ImageSet inputs, int overlap = 4)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ThrowIfDisposed();
        var tile = InputShape;
        var shape = inputs.Shape;
        if (shape.Channels != tile.Channels || shape.Height < tile.Height || shape.Width < tile.Width)
            throw new ArgumentException($"Tiled translation needs images with {tile.Channels} channels and at least {tile.Height}×{tile.Width} pixels; got {shape}.", nameof(inputs));
        if (overlap < 0 || 2 * overlap >= Math.Min(tile.Height, tile.Width))
            throw new ArgumentOutOfRangeException(nameof(overlap), overlap, $"overlap is {overlap}; expected 0 or more and less than half the tile ({tile.Height}×{tile.Width}).");
        int scale = TranslationGenerator.Spec.Scale;
        var outShape = new ImageShape(Shape.Channels, shape.Height * scale, shape.Width * scale);
        var result = new float[inputs.Count * outShape.Length];
        var rows = TileStarts(shape.Height, tile.Height, overlap);
        var columns = TileStarts(shape.Width, tile.Width, overlap);
        lock (Generator)
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                var image = tensor(inputs.Pixels.AsSpan(i * shape.Length, shape.Length).ToArray(), new long[] { shape.Channels, shape.Height, shape.Width }) * 2 - 1;
                var tiles = stack(rows.SelectMany(top => columns.Select(left => image.narrow(1, top, tile.Height).narrow(2, left, tile.Width))).ToArray());
                var translated = TranslationGenerator.TranslateTensor(tiles.to(TranslationGenerator.Device)).to(CPU);
                var sum = zeros(outShape.Channels, outShape.Height, outShape.Width);
                var count = zeros(1, outShape.Height, outShape.Width);
                int t = 0;
                foreach (int top in rows)
                {
                    foreach (int left in columns)
                    {
                        sum.narrow(1, top * scale, tile.Height * scale).narrow(2, left * scale, tile.Width * scale).add_(translated[t++]);
                        count.narrow(1, top * scale, tile.Height * scale).narrow(2, left * scale, tile.Width * scale).add_(1);
                    }
                }
                var unit = ((sum / count + 1) / 2).clamp(0, 1).contiguous();
                TensorCopy.CopyTo(unit, result.AsSpan(i * outShape.Length, outShape.Length));
            }
        }
        return new ImageSet(outShape, result, inputs.Labels, inputs.ClassCount);
    }

    /// <summary>
    /// CycleGAN only: the model of the opposite direction (B → A), reading <paramref name="inputColumnName"/> and
    /// writing <paramref name="outputColumnName"/>. It saves and loads like this one.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not a CycleGAN.</exception>
    public ImageTranslationTransformer Inverse(string inputColumnName, string outputColumnName = GanGenerationSettings.DefaultOutputColumnName)
    {
        ThrowIfDisposed();
        var reversed = TranslationGenerator.Reversed();
        var settings = new GanGenerationSettings(outputColumnName, Settings.Seed, null, new GanConditionColumn(inputColumnName, GanConditionKind.Vector));
        return new ImageTranslationTransformer(MLContext, reversed, settings, TrainingSummary, Guid.NewGuid());
    }

    /// <summary>
    /// Writes a PNG grid with one row per input image: the input, its translation and, when given, the expected target
    /// (images are shown at the output size; grayscale as gray). Values in [0, 1].
    /// </summary>
    /// <param name="path">A .png file.</param>
    /// <param name="inputs">Input images of <see cref="InputShape"/>.</param>
    /// <param name="targets">Optional expected outputs of <see cref="ImageGanTransformerBase.Shape"/>, one per input.</param>
    public void SaveGrid(string path, ImageSet inputs, ImageSet? targets = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (targets is not null && (targets.Shape != Shape || targets.Count != inputs.Count))
            throw new ArgumentException($"Targets must be {inputs.Count} images of {Shape}.", nameof(targets));
        var outputs = Translate(inputs);
        var columns = targets is null ? new[] { inputs, outputs } : new[] { inputs, outputs, targets };
        ImageGrid.SavePairs(path, columns);
    }

    /// <summary>Loads an image-to-image GAN saved with <c>mlContext.Model.Save</c> as this typed model.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved image-to-image GAN (the message says what it is).</exception>
    public static new ImageTranslationTransformer Load(MLContext mlContext, string path) =>
        ImageFamilies.Load<ImageTranslationTransformer>(mlContext, path, "an image-to-image GAN");

    private static int[] TileStarts(int size, int tile, int overlap)
    {
        var starts = new List<int>();
        for (int start = 0; ; start += tile - 2 * overlap)
        {
            if (start + tile >= size)
            {
                starts.Add(size - tile);
                break;
            }
            starts.Add(start);
        }
        return starts.Distinct().ToArray();
    }
}
