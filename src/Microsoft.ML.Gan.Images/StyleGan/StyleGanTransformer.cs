namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// A fitted StyleGAN: an unconditional image model (row-to-row Transform, Generate, Sample, SaveGrid, save and load)
/// with StyleGAN's generation controls — truncation ψ, style mixing of two seeds at a chosen
/// layer, and fixed (const) or no noise. Layer indices count the synthesis network's latents: 0 and 1 act at 4×4, then
/// two per resolution (see <see cref="StyleLayerCount"/>); low indices set coarse features (pose, shape), high ones fine
/// features (texture, colour detail).
/// </summary>
public sealed class StyleGanTransformer : ImageGanTransformerBase
{
    internal StyleGanTransformer(MLContext mlContext, StyleGanImageGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id)
        : base(mlContext, generator, settings, summary, id)
    {
    }

    /// <summary>The number of intermediate latents w the synthesis network reads (2·log2(resolution) − 2).</summary>
    public int StyleLayerCount => Style.Spec.StyleLayerCount;

    /// <summary>The side of the square the networks work at (images smaller than it are centred in it and cropped).</summary>
    public int Resolution => Style.Spec.Resolution;

    /// <summary>ψ used by Transform, Sample and Generate.</summary>
    public double Truncation => Style.Truncation;

    /// <summary>Noise used by Transform, Sample and Generate.</summary>
    public NoiseMode NoiseMode => Style.Noise;

    private StyleGanImageGenerator Style => (StyleGanImageGenerator)Generator;

    /// <summary>
    /// The first <paramref name="count"/> images of the stream of <paramref name="seed"/> (the rows
    /// <see cref="ImageGanTransformerBase.Transform"/> and <see cref="Sample"/> give), row-major planar C×H×W values in
    /// [PixelMin, PixelMax], with the model's <see cref="Truncation"/> and <see cref="NoiseMode"/>.
    /// </summary>
    /// <param name="count">How many images.</param>
    /// <param name="seed">The stream's seed; null uses the model's.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public float[] Generate(int count, long? seed = null) => GenerateStream(count, seed, (streamSeed, index, block) => Style.GenerateBlock(streamSeed, index, block));

    /// <summary>The images of <see cref="Generate"/> as an <see cref="ImageSet"/> (values rescaled to [0, 1]).</summary>
    public ImageSet GenerateSet(int count, long? seed = null) => ToImageSet(Generate(count, seed));

    /// <summary><paramref name="count"/> generated images as <see cref="MLImage"/>s (opaque RGBA); dispose them.</summary>
    public MLImage[] GenerateImages(int count, long? seed = null) => ToMLImages(GenerateSet(count, seed));

    /// <summary><paramref name="rowCount"/> rows of the stream of <paramref name="seed"/> (the generated vector and image columns only).</summary>
    public IDataView Sample(long rowCount, long? seed = null) => SampleRows(rowCount, seed);

    /// <summary>Writes a PNG grid of the first rows·columns images of the stream of <paramref name="seed"/>.</summary>
    public void SaveGrid(string path, int rows, int columns, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ImageGrid.Save(path, GenerateSet(rows * columns, seed), rows, columns);
    }

    /// <summary>
    /// The first <paramref name="count"/> images of the stream of <paramref name="seed"/> (same z as
    /// <see cref="Generate"/>) with truncation ψ: w = w_avg + ψ(w − w_avg). ψ = 0 gives the image of
    /// the average w for every seed (with const or no noise); ψ &lt; 1 trades variety for typicality.
    /// </summary>
    /// <param name="count">How many images.</param>
    /// <param name="truncation">ψ, in [0, 2].</param>
    /// <param name="noise">Noise inputs; null uses the model's <see cref="NoiseMode"/>.</param>
    /// <param name="seed">The stream's seed; null uses the model's.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or ψ is outside [0, 2].</exception>
    public float[] GenerateTruncated(int count, double truncation, NoiseMode? noise = null, long? seed = null)
    {
        CheckTruncation(truncation);
        var mode = noise ?? NoiseMode;
        return GenerateStream(count, seed, (streamSeed, index, block) => Style.GenerateStreamBlock(streamSeed, index, truncation, mode, block));
    }

    /// <summary>
    /// Style mixing: image i takes the latents of layers [0, <paramref name="crossoverLayer"/>) from
    /// <paramref name="coarseSeeds"/>[i] and the rest from <paramref name="fineSeeds"/>[i]. A crossover of
    /// <see cref="StyleLayerCount"/> gives the coarse seed's own image, 0 the fine seed's latents (with the coarse
    /// seed's random noise). A seed's image is the one a seed column with that value gives.
    /// </summary>
    /// <param name="coarseSeeds">Seeds of the coarse (early-layer) styles.</param>
    /// <param name="fineSeeds">Seeds of the fine (late-layer) styles; as many as <paramref name="coarseSeeds"/>.</param>
    /// <param name="crossoverLayer">First layer taken from the fine seed, in [0, StyleLayerCount].</param>
    /// <param name="truncation">ψ, in [0, 2].</param>
    /// <param name="noise">Noise inputs; null uses the model's.</param>
    /// <returns>The images, row-major planar values in [PixelMin, PixelMax].</returns>
    /// <exception cref="ArgumentException">The seed lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The crossover or ψ is out of range.</exception>
    public float[] GenerateMixed(IReadOnlyList<long> coarseSeeds, IReadOnlyList<long> fineSeeds, int crossoverLayer,
        double truncation = 1, NoiseMode? noise = null)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(coarseSeeds);
        ArgumentNullException.ThrowIfNull(fineSeeds);
        if (coarseSeeds.Count != fineSeeds.Count)
            throw new ArgumentException($"{coarseSeeds.Count} coarse seeds but {fineSeeds.Count} fine seeds; pass one of each per image.", nameof(fineSeeds));
        if (crossoverLayer < 0 || crossoverLayer > StyleLayerCount)
            throw new ArgumentOutOfRangeException(nameof(crossoverLayer), crossoverLayer, $"crossoverLayer must be in [0, {StyleLayerCount}].");
        CheckTruncation(truncation);
        var mode = noise ?? NoiseMode;
        int length = Shape.Length;
        var result = new float[coarseSeeds.Count * length];
        lock (Generator)
        {
            for (int i = 0; i < coarseSeeds.Count; i++)
                Style.GenerateMixed(coarseSeeds[i], fineSeeds[i], crossoverLayer, truncation, mode, result.AsSpan(i * length, length));
        }
        return result;
    }

    /// <summary>
    /// Writes StyleGAN's style-mixing figure as a PNG: the top-left cell is the image of the average w (ψ = 0), the
    /// first row the images of <paramref name="columnSeeds"/>, the first column those of <paramref name="rowSeeds"/>, and
    /// cell (r, c) takes its coarse styles (layers before <paramref name="crossoverLayer"/>) from row seed r and its fine
    /// styles from column seed c.
    /// </summary>
    /// <exception cref="ArgumentException">A seed list is empty.</exception>
    public void SaveMixingGrid(string path, IReadOnlyList<long> rowSeeds, IReadOnlyList<long> columnSeeds, int crossoverLayer,
        double truncation = 1, NoiseMode noise = NoiseMode.Const)
    {
        ArgumentNullException.ThrowIfNull(rowSeeds);
        ArgumentNullException.ThrowIfNull(columnSeeds);
        if (rowSeeds.Count == 0 || columnSeeds.Count == 0)
            throw new ArgumentException("Pass at least one row seed and one column seed.", rowSeeds.Count == 0 ? nameof(rowSeeds) : nameof(columnSeeds));
        int rows = rowSeeds.Count + 1, columns = columnSeeds.Count + 1, layers = StyleLayerCount;
        var coarse = new List<long>();
        var fine = new List<long>();
        var crossovers = new List<int>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                coarse.Add(r == 0 ? columnSeeds[Math.Max(c - 1, 0)] : rowSeeds[r - 1]);
                fine.Add(c == 0 ? coarse[^1] : columnSeeds[c - 1]);
                crossovers.Add(r == 0 || c == 0 ? layers : crossoverLayer);
            }
        }
        int length = Shape.Length;
        var pixels = new float[rows * columns * length];
        GenerateTruncated(1, 0, noise).CopyTo(pixels, 0);
        for (int cell = 1; cell < pixels.Length / length; cell++)
            GenerateMixed([coarse[cell]], [fine[cell]], crossovers[cell], truncation, noise).CopyTo(pixels, cell * length);
        ImageGrid.Save(path, ToImageSet(pixels), rows, columns);
    }

    /// <summary>Loads a StyleGAN saved with <c>mlContext.Model.Save</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved StyleGAN (the message says what it is).</exception>
    public static new StyleGanTransformer Load(MLContext mlContext, string path) => ImageFamilies.Load<StyleGanTransformer>(mlContext, path, "a StyleGAN");

    private static void CheckTruncation(double truncation)
    {
        if (truncation is < 0 or > 2 || double.IsNaN(truncation))
            throw new ArgumentOutOfRangeException(nameof(truncation), truncation, "truncation (ψ) must be in [0, 2]; 1 means none.");
    }
}
