using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// A fitted image-to-image generator: the network in eval mode and the maps between the user's pixel range and
/// [−1, 1]. As an <see cref="IConditionalRowGenerator"/> its condition is the input image (C×H×W floats in
/// [PixelMin, PixelMax]) and its row is the translated image; translation is deterministic (the row seed is unused).
/// CycleGAN models also carry the reverse network (B→A) so either direction can be served.
/// </summary>
internal sealed class ImageTranslationGenerator : ImageGenerator, ISpecifiedGenerator<TranslationNetworkSpec>, IConditionalRowGenerator
{
    private const int BatchRows = 64;

    public ImageTranslationGenerator(TranslationNetworkSpec spec, float pixelMin, float pixelMax,
        nn.Module<Tensor, Tensor> network, nn.Module<Tensor, Tensor>? reverse, Device device)
        : base(spec.OutputShape, pixelMin, pixelMax)
    {
        Spec = spec;
        Network = network;
        Reverse = reverse;
        Device = device;
        Network.eval();
        Reverse?.eval();
    }

    public TranslationNetworkSpec Spec { get; }

    public nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>CycleGAN's B→A network, or null.</summary>
    public nn.Module<Tensor, Tensor>? Reverse { get; }

    public Device Device { get; }

    public override string FamilyName => ImageTranslationFamily.Name;

    public override byte[] WriteBody() => ImageTranslationFamily.Instance.Write(this);

    public int ConditionLength => Spec.InputShape.Length;

    public IReadOnlyList<string>? ConditionCategories => null;

    public void GenerateConditioned(long rowSeed, ReadOnlySpan<float> condition, Span<float> destination) =>
        Translate(condition, 1, destination);

    public override void GenerateBlock(long seed, long blockIndex, Span<float> destination) => throw NeedsInput();

    public override void GenerateFromSeed(long rowSeed, Span<float> destination) => throw NeedsInput();

    /// <summary>Translates <paramref name="count"/> input images (values in [PixelMin, PixelMax]) of the input shape.</summary>
    public void Translate(ReadOnlySpan<float> inputs, int count, Span<float> destination)
    {
        int inLength = Spec.InputShape.Length, outLength = OutputLength;
        for (int start = 0; start < count; start += BatchRows)
        {
            int rows = Math.Min(BatchRows, count - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var shape = Spec.InputShape;
            var input = tensor(inputs.Slice(start * inLength, rows * inLength).ToArray(), new long[] { rows, shape.Channels, shape.Height, shape.Width });
            var output = TranslateTensor(ToUnit(input).to(Device));
            TensorCopy.CopyTo(ToPixelRange(output).to(CPU), destination.Slice(start * outLength, rows * outLength));
        }
    }

    /// <summary>The network on a [N, C, H, W] batch in [−1, 1] (any size the network accepts).</summary>
    public Tensor TranslateTensor(Tensor unitInput) => Network.call(unitInput);

    /// <summary>A generator of the opposite direction (CycleGAN only), sharing nothing with this one.</summary>
    public ImageTranslationGenerator Reversed()
    {
        if (Reverse is null)
            throw new InvalidOperationException($"A {Spec.Kind} model translates one way only; only CycleGAN models have an inverse.");
        var forward = Spec.CreateGenerator();
        var backward = Spec.Reversed().CreateGenerator();
        Torch.ModuleBytes.Load(forward, Torch.ModuleBytes.Save(Network));
        Torch.ModuleBytes.Load(backward, Torch.ModuleBytes.Save(Reverse));
        return new ImageTranslationGenerator(Spec.Reversed(), PixelMin, PixelMax, backward.to(Device), forward.to(Device), Device);
    }

    public Tensor ToUnit(Tensor pixels) => (pixels - PixelMin) * (2f / (PixelMax - PixelMin)) - 1;

    private InvalidOperationException NeedsInput() => new(
        $"A {Spec.Kind} model translates input images: its Transform reads a {Spec.InputShape} float-vector input column " +
        "(the condition column of its settings); it cannot generate rows without one (Sample is not available).");

    public override void Dispose()
    {
        Network.Dispose();
        Reverse?.Dispose();
    }
}
