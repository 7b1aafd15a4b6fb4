using Microsoft.ML.Gan.Images.Networks;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// A fitted image generator: noise drawn on the CPU from a generator seeded per block (or per row), optional class
/// labels, the DCGAN or MLP generator in eval mode, and the map from [−1, 1] back to the user's pixel range.
/// Row p of a stream (and a row seeded with s) of a conditional model has class p mod K (s mod K). A conditional
/// model also generates a row for an asked class (<see cref="IConditionalRowGenerator"/>, categories "0" … "K−1").
/// </summary>
internal sealed class ImageGanGenerator : ImageGenerator, ISpecifiedGenerator<ImageNetworkSpec>, IConditionalRowGenerator, ILabelConditionedGenerator
{
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Device _device;

    public ImageGanGenerator(ImageNetworkSpec spec, float pixelMin, float pixelMax, nn.Module<Tensor, Tensor> network, Device device)
        : base(spec.Shape, pixelMin, pixelMax)
    {
        Spec = spec;
        ConditionCategories = spec.LabelWidth == 0
            ? null
            : Enumerable.Range(0, spec.ClassCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _network = network;
        _network.eval();
        _device = device;
    }

    public ImageNetworkSpec Spec { get; }

    public nn.Module<Tensor, Tensor> Network => _network;

    public Device Device => _device;

    public int ClassCount => Spec.LabelWidth;

    public override string FamilyName => ImageGanFamily.FamilyOf(Spec.Architecture);

    public override byte[] WriteBody() => ImageGanFamily.Instance.Write(this);

    /// <summary>1 for a conditional model (the class index), 0 for an unconditional one (it cannot be conditioned).</summary>
    public int ConditionLength => Spec.LabelWidth == 0 ? 0 : 1;

    /// <summary>The class indices as text, "0" … "K−1"; null for an unconditional model.</summary>
    public IReadOnlyList<string>? ConditionCategories { get; }

    /// <summary>One image of class <c>condition[0]</c> from the row's seed.</summary>
    public void GenerateConditioned(long rowSeed, ReadOnlySpan<float> condition, Span<float> destination) =>
        Generate(NoiseSeeds.ForRow(rowSeed), 1, [(int)condition[0]], destination);

    public override void GenerateBlock(long seed, long blockIndex, Span<float> destination)
    {
        var labels = Spec.LabelWidth == 0 ? null
            : Enumerable.Range(0, GanRowStream.BlockSize).Select(i => (int)((blockIndex * GanRowStream.BlockSize + i) % Spec.ClassCount)).ToArray();
        Generate(NoiseSeeds.ForBlock(seed, blockIndex), GanRowStream.BlockSize, labels, destination);
    }

    public override void GenerateFromSeed(long rowSeed, Span<float> destination)
    {
        int[]? label = Spec.LabelWidth == 0 ? null : [(int)(((rowSeed % Spec.ClassCount) + Spec.ClassCount) % Spec.ClassCount)];
        Generate(NoiseSeeds.ForRow(rowSeed), 1, label, destination);
    }

    /// <summary>Block <paramref name="blockIndex"/> of the stream of <paramref name="seed"/> with every row of class
    /// <paramref name="label"/> (same noise as the unlabelled stream).</summary>
    public void GenerateBlockOfClass(long seed, long blockIndex, int label, Span<float> destination) =>
        Generate(NoiseSeeds.ForBlock(seed, blockIndex), GanRowStream.BlockSize, Enumerable.Repeat(label, GanRowStream.BlockSize).ToArray(), destination);

    private void Generate(long noiseSeed, int rows, int[]? labels, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        using var noiseGenerator = new Generator((ulong)noiseSeed, CPU);
        using var noGrad = no_grad();
        // Noise is drawn on the CPU so that the same seed gives the same images on every device.
        var input = randn(new long[] { rows, Spec.LatentDimension }, generator: noiseGenerator);
        if (labels is not null)
            input = cat(new[] { input, nn.functional.one_hot(tensor(labels, ScalarType.Int64), Spec.ClassCount).to(ScalarType.Float32) }, 1);
        var images = _network.call(input.to(_device));
        var scaled = ToPixelRange(images).to(CPU).contiguous();
        TensorCopy.CopyTo(scaled, destination);
    }

    public override void Dispose() => _network.Dispose();
}
