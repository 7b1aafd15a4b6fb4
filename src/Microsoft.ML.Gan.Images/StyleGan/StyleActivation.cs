namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>StyleGAN's activation: LeakyReLU(0.2) times √2, which keeps unit-variance signals at unit variance.</summary>
internal static class StyleActivation
{
    private static readonly double Gain = Math.Sqrt(2);

    public static Tensor Apply(Tensor input) => nn.functional.leaky_relu(input, 0.2) * Gain;
}
