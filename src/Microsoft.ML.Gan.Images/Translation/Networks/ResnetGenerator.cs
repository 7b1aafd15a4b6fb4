namespace Microsoft.ML.Gan.Images.Networks.Translation;

/// <summary>
/// CycleGAN's ResNet generator (Zhu et al. 2017, after Johnson et al. 2016): c7s1-64, d128, d256, n residual blocks
/// R256, u128, u64, c7s1-C with reflection padding, instance normalization and ReLU; tanh output. H and W must be
/// divisible by 4.
/// </summary>
internal sealed class ResnetGenerator : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;

    public ResnetGenerator(ImageShape input, ImageShape output, int features, int blocks) : base(nameof(ResnetGenerator))
    {
        long f = features;
        var modules = new List<nn.Module<Tensor, Tensor>>
        {
            nn.ReflectionPad2d(3), nn.Conv2d(input.Channels, f, 7), nn.InstanceNorm2d(f, affine: true), nn.ReLU(),
            nn.Conv2d(f, 2 * f, 3, stride: 2, padding: 1), nn.InstanceNorm2d(2 * f, affine: true), nn.ReLU(),
            nn.Conv2d(2 * f, 4 * f, 3, stride: 2, padding: 1), nn.InstanceNorm2d(4 * f, affine: true), nn.ReLU(),
        };
        for (int b = 0; b < blocks; b++)
            modules.Add(new ResidualBlock(4 * f));
        modules.AddRange(new nn.Module<Tensor, Tensor>[]
        {
            nn.ConvTranspose2d(4 * f, 2 * f, 3, stride: 2, padding: 1, output_padding: 1), nn.InstanceNorm2d(2 * f, affine: true), nn.ReLU(),
            nn.ConvTranspose2d(2 * f, f, 3, stride: 2, padding: 1, output_padding: 1), nn.InstanceNorm2d(f, affine: true), nn.ReLU(),
            nn.ReflectionPad2d(3), nn.Conv2d(f, output.Channels, 7), nn.Tanh(),
        });
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.call(input);

    /// <summary>x + (pad-conv3-IN-ReLU-pad-conv3-IN)(x).</summary>
    private sealed class ResidualBlock : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> body;

        public ResidualBlock(long channels) : base(nameof(ResidualBlock))
        {
            body = nn.Sequential(
                nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3), nn.InstanceNorm2d(channels, affine: true), nn.ReLU(),
                nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3), nn.InstanceNorm2d(channels, affine: true));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var residual = body.call(input);
            return input + residual;
        }
    }
}
