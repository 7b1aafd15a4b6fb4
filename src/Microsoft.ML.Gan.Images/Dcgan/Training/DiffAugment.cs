namespace Microsoft.ML.Gan.Images.Training;

/// <summary>
/// Differentiable augmentation (Zhao et al. 2020, "Differentiable Augmentation for Data-Efficient GAN Training"):
/// the same random, differentiable transforms are applied to real and generated images every time the discriminator
/// sees them (in both networks' steps), so D cannot overfit a small dataset while G still gets gradients. Each call
/// draws fresh parameters per image from torch's default generator. Images are [B, C, H, W] in [−1, 1].
/// </summary>
internal static class DiffAugment
{
    private const double TranslationRatio = 0.125;
    private const double CutoutRatio = 0.5;

    /// <summary>Applies the policy's transforms, in the paper's order: colour, translation, cutout.</summary>
    public static Tensor Apply(Tensor images, DiffAugmentPolicy policy)
    {
        if (policy == DiffAugmentPolicy.None)
            return images;
        using var scope = NewDisposeScope();
        var x = images;
        if (policy.HasFlag(DiffAugmentPolicy.Color))
            x = Color(x);
        if (policy.HasFlag(DiffAugmentPolicy.Translation))
            x = Translate(x);
        if (policy.HasFlag(DiffAugmentPolicy.Cutout))
            x = Cutout(x);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Brightness ± 0.5, saturation × [0, 2) around the channel mean, contrast × [0.5, 1.5) around the image mean.</summary>
    private static Tensor Color(Tensor x)
    {
        long batch = x.shape[0];
        var device = x.device;
        x = x + (rand(batch, 1, 1, 1, device: device) - 0.5);
        var channelMean = x.mean([1], keepdim: true);
        x = (x - channelMean) * (rand(batch, 1, 1, 1, device: device) * 2) + channelMean;
        var imageMean = x.mean([1, 2, 3], keepdim: true);
        return (x - imageMean) * (rand(batch, 1, 1, 1, device: device) + 0.5) + imageMean;
    }

    /// <summary>Shifts each image by a whole number of pixels up to 1/8 of its size in each direction, zero-filled.</summary>
    private static Tensor Translate(Tensor x)
    {
        long batch = x.shape[0], height = x.shape[2], width = x.shape[3];
        long shiftY = (long)(height * TranslationRatio + 0.5), shiftX = (long)(width * TranslationRatio + 0.5);
        var device = x.device;
        var dy = randint(-shiftY, shiftY + 1, [batch, 1, 1], device: device);
        var dx = randint(-shiftX, shiftX + 1, [batch, 1, 1], device: device);
        // Output pixel (i, j) reads input pixel (i − dy, j − dx); reads outside the image are zero.
        var rows = arange(height, device: device).view(1, height, 1) - dy;
        var columns = arange(width, device: device).view(1, 1, width) - dx;
        var inside = (rows >= 0) & (rows < height) & (columns >= 0) & (columns < width);
        var flat = (rows.clamp(0, height - 1) * width + columns.clamp(0, width - 1)).view(batch, 1, height * width);
        var gathered = x.flatten(2).gather(2, flat.expand(batch, x.shape[1], height * width)).view(x.shape);
        return gathered * inside.unsqueeze(1).to(x.dtype);
    }

    /// <summary>Zeroes one square of half the image's size per image, at a random position (it may hang over the edge).</summary>
    private static Tensor Cutout(Tensor x)
    {
        long batch = x.shape[0], height = x.shape[2], width = x.shape[3];
        long sizeY = (long)(height * CutoutRatio + 0.5), sizeX = (long)(width * CutoutRatio + 0.5);
        var device = x.device;
        var centerY = randint(0, height + (1 - sizeY % 2), [batch, 1, 1], device: device);
        var centerX = randint(0, width + (1 - sizeX % 2), [batch, 1, 1], device: device);
        var rows = arange(height, device: device).view(1, height, 1);
        var columns = arange(width, device: device).view(1, 1, width);
        var cut = (rows >= centerY - sizeY / 2) & (rows < centerY - sizeY / 2 + sizeY)
                & (columns >= centerX - sizeX / 2) & (columns < centerX - sizeX / 2 + sizeX);
        return x * (~cut).unsqueeze(1).to(x.dtype);
    }
}
