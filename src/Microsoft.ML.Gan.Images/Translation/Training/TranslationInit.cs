namespace Microsoft.ML.Gan.Images.Training.Translation;

/// <summary>pix2pix's and CycleGAN's initialization: convolution weights ~ N(0, 0.02), biases 0, normalization
/// scales ~ N(1, 0.02).</summary>
internal static class TranslationInit
{
    public static void Apply(nn.Module module)
    {
        Networks.DcganInit.Apply(module);
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            if (child is InstanceNorm2d { weight: { } weight } norm)
            {
                nn.init.normal_(weight, 1, 0.02);
                nn.init.zeros_(norm.bias!);
            }
        }
    }
}
