namespace Microsoft.ML.Gan.Images.Networks.Translation;

/// <summary>
/// SRGAN's generator, SRResNet (Ledig et al. 2017): a 9×9 convolution with PReLU, B residual blocks
/// (conv3-BN-PReLU-conv3-BN plus the input), conv3-BN plus the first stage's output (global skip), log₂(scale)
/// upsampling stages (conv3 to 4× the channels, PixelShuffle ×2, PReLU) and a 9×9 convolution to the image channels
/// with a tanh output. Fully convolutional: any input size works.
/// </summary>
internal sealed class SrResNetGenerator : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly nn.Module<Tensor, Tensor> body;
    private readonly nn.Module<Tensor, Tensor> tail;

    public SrResNetGenerator(int channels, int features, int blocks, int scale) : base(nameof(SrResNetGenerator))
    {
        long f = features;
        head = nn.Sequential(nn.Conv2d(channels, f, 9, padding: 4), nn.PReLU(f));
        var residual = new List<nn.Module<Tensor, Tensor>>();
        for (int b = 0; b < blocks; b++)
            residual.Add(new ResidualBlock(f));
        residual.Add(nn.Conv2d(f, f, 3, padding: 1));
        residual.Add(nn.BatchNorm2d(f));
        body = nn.Sequential(residual);
        var upsampling = new List<nn.Module<Tensor, Tensor>>();
        for (int s = scale; s > 1; s /= 2)
        {
            upsampling.Add(nn.Conv2d(f, 4 * f, 3, padding: 1));
            upsampling.Add(nn.PixelShuffle(2));
            upsampling.Add(nn.PReLU(f));
        }
        upsampling.Add(nn.Conv2d(f, channels, 9, padding: 4));
        upsampling.Add(nn.Tanh());
        tail = nn.Sequential(upsampling);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = head.call(input);
        return tail.call(features + body.call(features)).MoveToOuterDisposeScope();
    }

    private sealed class ResidualBlock : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> layers;

        public ResidualBlock(long channels) : base(nameof(ResidualBlock))
        {
            layers = nn.Sequential(
                nn.Conv2d(channels, channels, 3, padding: 1), nn.BatchNorm2d(channels), nn.PReLU(channels),
                nn.Conv2d(channels, channels, 3, padding: 1), nn.BatchNorm2d(channels));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var residual = layers.call(input);
            return input + residual;
        }
    }
}
