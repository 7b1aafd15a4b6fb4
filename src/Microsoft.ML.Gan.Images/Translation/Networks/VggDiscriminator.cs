namespace Microsoft.ML.Gan.Images.Networks.Translation;

/// <summary>
/// SRGAN's VGG-style discriminator (Ledig et al. 2017): 3×3 convolutions k3n64s1, k3n64s2, k3n128s1, k3n128s2, …
/// (widths doubling, BN after all but the first, LeakyReLU 0.2), then global average pooling, dense 16·ndf (1024 at
/// ndf 64), LeakyReLU and dense 1 (a logit). The number of width stages (4 in the paper) is reduced so the last map is
/// at least 2×2.
/// </summary>
internal sealed class VggDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> features;
    private readonly nn.Module<Tensor, Tensor> head;

    public VggDiscriminator(ImageShape shape, int width) : base(nameof(VggDiscriminator))
    {
        int stages = 4;
        while (stages > 1 && Math.Min(shape.Height, shape.Width) >> stages < 2)
            stages--;
        var modules = new List<nn.Module<Tensor, Tensor>>();
        long channels = shape.Channels;
        for (int stage = 0; stage < stages; stage++)
        {
            long w = (long)width << stage;
            modules.Add(nn.Conv2d(channels, w, 3, padding: 1));
            if (stage > 0)
                modules.Add(nn.BatchNorm2d(w));
            modules.Add(nn.LeakyReLU(0.2));
            modules.Add(nn.Conv2d(w, w, 3, stride: 2, padding: 1));
            modules.Add(nn.BatchNorm2d(w));
            modules.Add(nn.LeakyReLU(0.2));
            channels = w;
        }
        features = nn.Sequential(modules);
        head = nn.Sequential(nn.Linear(channels, 16L * width), nn.LeakyReLU(0.2), nn.Linear(16L * width, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = features.call(input).mean(new long[] { 2, 3 });
        return head.call(pooled).MoveToOuterDisposeScope();
    }
}
