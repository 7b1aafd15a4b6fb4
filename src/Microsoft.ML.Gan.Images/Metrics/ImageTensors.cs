using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>An <see cref="ImageSet"/> as tensors (CPU unless asked): pixels in [−1, 1] as [N, C, H, W], labels as int64.</summary>
internal static class ImageTensors
{
    public static Tensor Pixels(ImageSet set, Device? device = null)
    {
        using var scope = NewDisposeScope();
        var shape = set.Shape;
        var pixels = tensor(set.Pixels, new long[] { set.Count, shape.Channels, shape.Height, shape.Width }) * 2 - 1;
        return (device is null ? pixels : pixels.to(device)).MoveToOuterDisposeScope();
    }

    public static Tensor Labels(ImageSet set) => tensor(set.Labels!.Select(l => (long)l).ToArray());
}
