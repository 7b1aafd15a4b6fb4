using Microsoft.ML.Gan.Images.Metrics;

namespace Microsoft.ML.Gan.Images;

/// <summary>Image resizing: the downsampling that makes super-resolution inputs, and the bicubic upsampling baseline.</summary>
internal static class ImageResampling
{
    /// <summary>Downsamples every image by <paramref name="scale"/> (values in [0, 1] in and out).</summary>
    /// <exception cref="ArgumentException">The image sides are not multiples of the scale.</exception>
    public static ImageSet Downsample(ImageSet images, int scale, SuperResolutionDownsampling mode = SuperResolutionDownsampling.Bicubic)
    {
        ArgumentNullException.ThrowIfNull(images);
        CheckScale(scale);
        if (images.Shape.Height % scale != 0 || images.Shape.Width % scale != 0)
            throw new ArgumentException($"{images.Shape} images cannot be downsampled by {scale}: the sides must be multiples of it.", nameof(images));
        return Apply(images, unit => Downsample(unit, scale, mode));
    }

    /// <summary>Bicubic upsampling of every image by <paramref name="scale"/>, clamped to [0, 1] (the usual
    /// super-resolution baseline).</summary>
    public static ImageSet UpsampleBicubic(ImageSet images, int scale)
    {
        ArgumentNullException.ThrowIfNull(images);
        CheckScale(scale);
        return Apply(images, unit => UpsampleBicubic(unit, scale));
    }

    /// <summary>Downsamples [N, C, H, W] by an integer factor.</summary>
    internal static Tensor Downsample(Tensor images, int scale, SuperResolutionDownsampling mode) => mode == SuperResolutionDownsampling.Area
        ? nn.functional.avg_pool2d(images, scale)
        : nn.functional.interpolate(images, new long[] { images.shape[2] / scale, images.shape[3] / scale },
            mode: InterpolationMode.Bicubic, align_corners: false, antialias: true);

    /// <summary>Bicubic upsampling of [N, C, H, W] by an integer factor (no clamping).</summary>
    internal static Tensor UpsampleBicubic(Tensor images, int scale) =>
        nn.functional.interpolate(images, new long[] { images.shape[2] * scale, images.shape[3] * scale },
            mode: InterpolationMode.Bicubic, align_corners: false);

    private static ImageSet Apply(ImageSet images, Func<Tensor, Tensor> resize)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var resized = ((resize(ImageTensors.Pixels(images)) + 1) / 2).clamp(0, 1).contiguous();
        var shape = new ImageShape(images.Shape.Channels, (int)resized.shape[2], (int)resized.shape[3]);
        return new ImageSet(shape, resized.data<float>().ToArray(), images.Labels, images.ClassCount);
    }

    private static void CheckScale(int scale)
    {
        if (scale < 1)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be at least 1.");
    }
}
