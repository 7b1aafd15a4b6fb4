using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>Image resizing on [N, C, H, W] tensors: the downsampling that makes super-resolution inputs and the
/// bicubic upsampling baseline.</summary>
internal static class Resampling
{
    /// <summary>Downsamples by an integer factor.</summary>
    public static Tensor Downsample(Tensor images, int scale, SuperResolutionDownsampling mode) => mode == SuperResolutionDownsampling.Area
        ? nn.functional.avg_pool2d(images, scale)
        : nn.functional.interpolate(images, new long[] { images.shape[2] / scale, images.shape[3] / scale },
            mode: InterpolationMode.Bicubic, align_corners: false, antialias: true);

    /// <summary>Bicubic upsampling by an integer factor (no clamping).</summary>
    public static Tensor UpsampleBicubic(Tensor images, int scale) =>
        nn.functional.interpolate(images, new long[] { images.shape[2] * scale, images.shape[3] * scale },
            mode: InterpolationMode.Bicubic, align_corners: false);
}
