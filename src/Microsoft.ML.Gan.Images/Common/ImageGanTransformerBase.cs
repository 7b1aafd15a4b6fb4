namespace Microsoft.ML.Gan.Images;

/// <summary>
/// What every fitted image model shares: a lazy row-to-row <see cref="Transform"/> that appends the generated (or
/// translated) image as a planar C×H×W float vector in [<see cref="PixelMin"/>, <see cref="PixelMax"/>] and, after it,
/// the same image as an <see cref="MLImage"/> column (<see cref="ImageColumnName"/>); the image
/// <see cref="Shape"/>; saving with <c>mlContext.Model.Save</c>. The families are sealed leaves that add what they can
/// do: <see cref="ImageGanTransformer"/> (classes), <see cref="StyleGan.StyleGanTransformer"/> (truncation, mixing),
/// <see cref="TextToImage.TextToImageTransformer"/> (text vectors), <see cref="ImageTranslationTransformer"/> (input
/// images). <see cref="Load(MLContext, string)"/> restores any of them.
/// </summary>
public abstract class ImageGanTransformerBase : ITransformer, IDisposable
{
    private readonly ImageGanModel _model;
    private readonly GeneratedImageColumn _imageColumn;

    private protected ImageGanTransformerBase(MLContext mlContext, ImageGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id)
    {
        ArgumentNullException.ThrowIfNull(generator);
        MLContext = mlContext;
        Generator = generator;
        TrainingSummary = summary;
        Id = id;
        _imageColumn = new GeneratedImageColumn(settings.OutputColumnName, generator.Shape, generator.PixelMin, generator.PixelMax);
        _model = new ImageGanModel(mlContext, generator, settings, _imageColumn, () => new GanPayload(generator.FamilyName, id, generator.WriteBody()));
    }

    /// <summary>What training did (null for a loaded model).</summary>
    public TrainingSummary? TrainingSummary { get; }

    /// <summary>The shape of a generated image.</summary>
    public ImageShape Shape => Generator.Shape;

    /// <summary>Pixel value of black in generated vectors.</summary>
    public float PixelMin => Generator.PixelMin;

    /// <summary>Pixel value of full intensity in generated vectors.</summary>
    public float PixelMax => Generator.PixelMax;

    /// <summary>The float-vector column <see cref="Transform"/> appends.</summary>
    public string OutputColumnName => Settings.OutputColumnName;

    /// <summary>
    /// The name of the <see cref="MLImage"/> column that <see cref="Transform"/> appends after the generated vector
    /// column: that column's name followed by "Image".
    /// </summary>
    public string ImageColumnName => _imageColumn.Name;

    /// <summary>One generated row of the output column (values in [PixelMin, PixelMax]) as an opaque RGBA <see cref="MLImage"/>.</summary>
    /// <exception cref="ArgumentException">The row does not hold one image of <see cref="Shape"/>.</exception>
    public MLImage ToMLImage(ReadOnlySpan<float> generated) => _imageColumn.ToMLImage(generated);

    /// <summary>Always true: generation is row-to-row.</summary>
    bool ITransformer.IsRowToRowMapper => true;

    /// <summary>The input schema plus the generated vector column and its image column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed or condition column is missing or of the wrong type, or a reserved column name is used.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _model.GetOutputSchema(inputSchema);

    /// <summary>Appends the generated columns to <paramref name="input"/>, lazily.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed or condition column is missing or of the wrong type, or a reserved column name is used.</exception>
    public IDataView Transform(IDataView input) => _model.Transform(input);

    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) => ((ITransformer)_model).GetRowToRowMapper(inputSchema);

    void ICanSaveModel.Save(ModelSaveContext ctx) => ((ICanSaveModel)_model).Save(ctx);

    /// <summary>Disposes the generator.</summary>
    public void Dispose() => _model.Dispose();

    /// <summary>
    /// Loads any image model saved with <c>mlContext.Model.Save</c> as its typed transformer (test its type, or use the
    /// family's own <c>Load</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a saved image model (the message says what it is).</exception>
    public static ImageGanTransformerBase Load(MLContext mlContext, string path) =>
        ImageFamilies.Load<ImageGanTransformerBase>(mlContext, path, "an image GAN");

    private protected MLContext MLContext { get; }

    private protected ImageGenerator Generator { get; }

    private protected GanGenerationSettings Settings => _model.Settings;

    /// <summary>The id of these exact weights (kept by save and load).</summary>
    private protected Guid Id { get; }

    private protected void ThrowIfDisposed() => _model.CheckNotDisposed();

    /// <summary><paramref name="rowCount"/> rows of the unconditioned stream (generated columns only, no seed column).</summary>
    private protected IDataView SampleRows(long rowCount, long? seed) => _model.Sample(rowCount, seed);

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

    /// <summary>Generated values (in [PixelMin, PixelMax], rescaled here in place) as an <see cref="ImageSet"/> in [0, 1].</summary>
    private protected ImageSet ToImageSet(float[] values, int[]? labels = null, int classCount = 0)
    {
        float min = PixelMin, range = PixelMax - PixelMin;
        for (int i = 0; i < values.Length; i++)
            values[i] = Math.Clamp((values[i] - min) / range, 0f, 1f);
        return new ImageSet(Shape, values, labels, labels is null ? 0 : classCount);
    }

    /// <summary>The images of a set (values in [0, 1]) as <see cref="MLImage"/>s (opaque RGBA).</summary>
    private protected static MLImage[] ToMLImages(ImageSet set) => Enumerable.Range(0, set.Count).Select(set.ToMLImage).ToArray();
}
