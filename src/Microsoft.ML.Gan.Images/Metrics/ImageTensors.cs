using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>An <see cref="ImageSet"/> as CPU tensors: pixels in [−1, 1] as [N, C, H, W], labels as int64.</summary>
internal static class ImageTensors
{
    public static Tensor Pixels(ImageSet set)
    {
        using var scope = NewDisposeScope();
        var shape = set.Shape;
        return (tensor(set.Pixels, new long[] { set.Count, shape.Channels, shape.Height, shape.Width }) * 2 - 1).MoveToOuterDisposeScope();
    }

    public static Tensor Labels(ImageSet set) => tensor(set.Labels!.Select(l => (long)l).ToArray());
}
