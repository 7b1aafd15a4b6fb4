namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// A fitted text-to-image generator in eval mode. A conditioned row with seed s draws z from a CPU generator seeded with
/// NoiseSeeds.ForRow(s) and pairs it with the row's text vector. Unconditioned rows (only the training preview grid asks
/// for them: the fitted model always reads its text column) use an all-zero text vector.
/// </summary>
internal sealed class TextToImageGenerator : ImageGenerator, ISpecifiedGenerator<TextToImageSpec>, IConditionalRowGenerator
{
    private readonly TextConditionedGenerator _network;
    private readonly Device _device;

    public TextToImageGenerator(TextConditionedGenerator network, float pixelMin, float pixelMax, Device device)
        : base(network.Spec.Image.Shape, pixelMin, pixelMax)
    {
        _network = network;
        _network.eval();
        _device = device;
    }

    public TextToImageSpec Spec => _network.Spec;

    public TextConditionedGenerator Network => _network;

    public override string FamilyName => TextToImageFamily.Name;

    public int ConditionLength => Spec.ConditionLength;

    /// <summary>Null: the condition is a float vector.</summary>
    public IReadOnlyList<string>? ConditionCategories => null;

    public override byte[] WriteBody() => TextToImageFamily.Instance.Write(this);

    public override void GenerateBlock(long seed, long blockIndex, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        using var random = new Generator((ulong)NoiseSeeds.ForBlock(seed, blockIndex), CPU);
        Generate(randn(new long[] { GanRowStream.BlockSize, Spec.Image.LatentDimension }, generator: random),
            new float[GanRowStream.BlockSize * ConditionLength], destination);
    }

    public override void GenerateFromSeed(long rowSeed, Span<float> destination) =>
        GenerateConditioned(rowSeed, new float[ConditionLength], destination);

    public void GenerateConditioned(long rowSeed, ReadOnlySpan<float> condition, Span<float> destination) =>
        GenerateRows([rowSeed], condition, destination);

    /// <summary>
    /// One image per row seed, row i from text vector i of <paramref name="conditions"/>. Rows go through the network one
    /// at a time, so that an image never depends on the batch it was asked in (batched products round differently).
    /// </summary>
    public void GenerateRows(IReadOnlyList<long> rowSeeds, ReadOnlySpan<float> conditions, Span<float> destination)
    {
        int length = Shape.Length;
        for (int i = 0; i < rowSeeds.Count; i++)
        {
            using var scope = NewDisposeScope();
            using var random = new Generator((ulong)NoiseSeeds.ForRow(rowSeeds[i]), CPU);
            Generate(randn(new long[] { 1, Spec.Image.LatentDimension }, generator: random),
                conditions.Slice(i * ConditionLength, ConditionLength), destination.Slice(i * length, length));
        }
    }

    private void Generate(Tensor latents, ReadOnlySpan<float> conditions, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long rows = latents.shape[0];
        var text = tensor(conditions.ToArray(), new long[] { rows, ConditionLength });
        var images = _network.call(latents.to(_device), text.to(_device));
        TensorCopy.CopyTo(ToPixelRange(images).to(CPU), destination);
    }

    public override void Dispose() => _network.Dispose();
}
