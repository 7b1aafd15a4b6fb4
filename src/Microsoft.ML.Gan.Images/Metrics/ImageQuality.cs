namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>
/// Full-reference image quality of a set against a reference set of the same shape (values in [0, 1], data range 1):
/// PSNR and SSIM, each computed per image and averaged over the images.
/// </summary>
public static class ImageQuality
{
    /// <summary>Mean over images of 10·log₁₀(1 / MSE) in dB (+∞ for an image equal to its reference).</summary>
    /// <exception cref="ArgumentException">The sets differ in shape or count, or are empty.</exception>
    public static double Psnr(ImageSet reference, ImageSet test)
    {
        Check(reference, test);
        int length = reference.Shape.Length;
        double total = 0;
        for (int i = 0; i < reference.Count; i++)
        {
            double squared = 0;
            for (int j = i * length; j < (i + 1) * length; j++)
            {
                double d = reference.Pixels[j] - test.Pixels[j];
                squared += d * d;
            }
            total += 10 * Math.Log10(length / squared);
        }
        return total / reference.Count;
    }

    /// <summary>
    /// Mean structural similarity (Wang et al. 2004): an 11×11 Gaussian window with σ = 1.5, K₁ = 0.01, K₂ = 0.03,
    /// data range 1, the SSIM map over the positions where the window fits ("valid"), averaged over the map and the
    /// channels of each image, then over the images.
    /// </summary>
    /// <exception cref="ArgumentException">The sets differ in shape or count, are empty, or the images are smaller than 11×11.</exception>
    public static double Ssim(ImageSet reference, ImageSet test)
    {
        Check(reference, test);
        const int window = 11;
        if (reference.Shape.Height < window || reference.Shape.Width < window)
            throw new ArgumentException($"SSIM needs images of at least {window}×{window}; these are {reference.Shape}.", nameof(reference));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var shape = reference.Shape;
        var dims = new long[] { reference.Count * shape.Channels, 1, shape.Height, shape.Width };
        var x = tensor(reference.Pixels, dims).to(ScalarType.Float64);
        var y = tensor(test.Pixels, dims).to(ScalarType.Float64);
        var kernel = GaussianWindow(window, 1.5);
        Tensor Filter(Tensor t) => nn.functional.conv2d(t, kernel);
        const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
        var muX = Filter(x);
        var muY = Filter(y);
        var sigmaX = Filter(x * x) - muX * muX;
        var sigmaY = Filter(y * y) - muY * muY;
        var sigmaXY = Filter(x * y) - muX * muY;
        var map = (2 * muX * muY + c1) * (2 * sigmaXY + c2) / ((muX * muX + muY * muY + c1) * (sigmaX + sigmaY + c2));
        return map.mean().item<double>();
    }

    private static Tensor GaussianWindow(int size, double sigma)
    {
        var weights = Enumerable.Range(0, size).Select(i => Math.Exp(-Math.Pow(i - (size - 1) / 2.0, 2) / (2 * sigma * sigma))).ToArray();
        double sum = weights.Sum();
        var line = tensor(weights.Select(w => w / sum).ToArray());
        return outer(line, line).view(1, 1, size, size);
    }

    private static void Check(ImageSet reference, ImageSet test)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        if (reference.Shape != test.Shape || reference.Count != test.Count || reference.Count == 0)
            throw new ArgumentException($"Quality compares non-empty sets of equal shape and count; got {reference.Count} × {reference.Shape} and {test.Count} × {test.Shape}.", nameof(test));
    }
}
