namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>DCGAN's initialization: convolution weights ~ N(0, 0.02), batch-norm scales ~ N(1, 0.02), biases 0.</summary>
internal static class DcganInit
{
    public static void Apply(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv2d conv:
                    nn.init.normal_(conv.weight!, 0, 0.02);
                    if (conv.bias is { } b)
                        nn.init.zeros_(b);
                    break;
                case ConvTranspose2d deconv:
                    nn.init.normal_(deconv.weight!, 0, 0.02);
                    if (deconv.bias is { } db)
                        nn.init.zeros_(db);
                    break;
                case BatchNorm2d norm when norm.weight is not null:
                    nn.init.normal_(norm.weight, 1, 0.02);
                    nn.init.zeros_(norm.bias!);
                    break;
            }
        }
    }
}
