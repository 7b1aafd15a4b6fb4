using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// The vanilla GAN generator on pixels (Goodfellow et al. 2014, as in the common PyTorch reference): input
/// [N, z + K] (noise, then the one-hot label when conditional) → fully connected layers with batch norm and
/// LeakyReLU(0.2) → C·H·W values through tanh, reshaped to [N, C, H, W].
/// </summary>
internal sealed class MlpImageGenerator : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> layers;
    private readonly long[] _shape;

    public MlpImageGenerator(ImageNetworkSpec spec) : base(nameof(MlpImageGenerator))
    {
        _shape = [spec.Shape.Channels, spec.Shape.Height, spec.Shape.Width];
        var options = new MlpOptions { HiddenLayers = spec.GeneratorLayers!, BatchNorm = true, LeakyRelu = true, TanhOutput = true };
        layers = Mlp.Create(spec.LatentDimension + spec.LabelWidth, spec.Shape.Length, options);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.call(input).view([-1, .. _shape]);
}
