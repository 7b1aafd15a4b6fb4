namespace Microsoft.ML.Gan.Images.Networks.Translation;

/// <summary>
/// PatchGAN discriminator (Isola et al. 2017; also CycleGAN's): C64-C128-C256 4×4 stride-2 convolutions, a 4×4
/// stride-1 C512 stage and a 4×4 stride-1 convolution to one logit per patch (70×70 patches at 256×256). The number
/// of stride-2 stages is <see cref="TranslationNetworkSpec.PatchLayers"/>, reduced until the patch map is at least
/// 1×1 (28×28 keeps 3; 16×16 takes 2). Instance normalization except on the first stage; LeakyReLU 0.2.
/// </summary>
internal sealed class PatchGanDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;

    /// <param name="inputChannels">Channels of what D reads (A and B concatenated for pix2pix).</param>
    /// <param name="spec">Features, patch layers and the image size.</param>
    public PatchGanDiscriminator(int inputChannels, TranslationNetworkSpec spec) : base(nameof(PatchGanDiscriminator))
    {
        int strided = StridedStages(spec.OutputShape, spec.PatchLayers);
        long Width(int stage) => spec.DiscriminatorFeatures * (1L << Math.Min(stage, 3));
        var modules = new List<nn.Module<Tensor, Tensor>> { nn.Conv2d(inputChannels, Width(0), 4, stride: 2, padding: 1), nn.LeakyReLU(0.2) };
        for (int stage = 1; stage <= strided; stage++)
        {
            modules.Add(nn.Conv2d(Width(stage - 1), Width(stage), 4, stride: stage < strided ? 2 : 1, padding: 1));
            modules.Add(nn.InstanceNorm2d(Width(stage), affine: true));
            modules.Add(nn.LeakyReLU(0.2));
        }
        modules.Add(nn.Conv2d(Width(strided), 1, 4, stride: 1, padding: 1));
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    /// <summary>Stride-2 stages before the two stride-1 ones: at most <paramref name="requested"/>, with the smaller
    /// side still at least 3 after them (so the patch map is at least 1×1).</summary>
    public static int StridedStages(ImageShape shape, int requested)
    {
        int stages = requested;
        while (stages > 1 && Math.Min(shape.Height, shape.Width) >> stages < 3)
            stages--;
        return stages;
    }

    public override Tensor forward(Tensor input) => layers.call(input);
}
