namespace Microsoft.ML.Gan.Images.Networks.Translation;

/// <summary>
/// pix2pix's U-Net generator (Isola et al. 2017): an encoder of 4×4 stride-2 convolutions C64-C128-C256-C512-…, a
/// mirrored decoder of transposed convolutions, and a skip connection concatenating each encoder stage to the decoder
/// stage of the same size. Depth (the number of halvings) is the largest k ≤ 8 with H and W divisible by 2<sup>k</sup>
/// (28×28 → 2, 32×32 → 5, 256×256 → 8). Instance normalization (batch norm at batch size 1, as in the paper) everywhere
/// except the first encoder stage and the bottleneck; dropout in the three innermost decoder stages; tanh output.
/// </summary>
internal sealed class UNetGenerator : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> down = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> up = new();

    public UNetGenerator(TranslationNetworkSpec spec) : base(nameof(UNetGenerator))
    {
        int depth = Depth(spec.InputShape);
        long Width(int level) => spec.GeneratorFeatures * (1L << Math.Min(level, 3));
        for (int level = 0; level < depth; level++)
        {
            long inChannels = level == 0 ? spec.InputShape.Channels : Width(level - 1);
            var conv = nn.Conv2d(inChannels, Width(level), 4, stride: 2, padding: 1);
            bool innermost = level == depth - 1;
            down.Add(level == 0
                ? conv
                : innermost
                    ? nn.Sequential(nn.LeakyReLU(0.2), conv)
                    : nn.Sequential(nn.LeakyReLU(0.2), conv, nn.InstanceNorm2d(Width(level), affine: true)));
        }
        for (int level = 0; level < depth; level++)
        {
            bool innermost = level == depth - 1;
            long inChannels = innermost ? Width(level) : 2 * Width(level);
            if (level == 0)
            {
                up.Add(nn.Sequential(nn.ReLU(), nn.ConvTranspose2d(inChannels, spec.OutputShape.Channels, 4, stride: 2, padding: 1), nn.Tanh()));
                continue;
            }
            var layers = new List<nn.Module<Tensor, Tensor>>
            {
                nn.ReLU(), nn.ConvTranspose2d(inChannels, Width(level - 1), 4, stride: 2, padding: 1), nn.InstanceNorm2d(Width(level - 1), affine: true),
            };
            if (spec.Dropout > 0 && level >= depth - 3)
                layers.Add(nn.Dropout(spec.Dropout));
            up.Add(nn.Sequential(layers));
        }
        RegisterComponents();
    }

    /// <summary>The number of halvings for a shape (at least 1 when H and W are even).</summary>
    public static int Depth(ImageShape shape)
    {
        int depth = 0;
        while (depth < 8 && shape.Height % (2 << depth) == 0 && shape.Width % (2 << depth) == 0)
            depth++;
        return depth;
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var skips = new List<Tensor>();
        var x = input;
        foreach (var stage in down)
        {
            x = stage.call(x);
            skips.Add(x);
        }
        var y = up[up.Count - 1].call(x);
        for (int level = up.Count - 2; level >= 0; level--)
            y = up[level].call(cat(new[] { y, skips[level] }, 1));
        return y.MoveToOuterDisposeScope();
    }
}
