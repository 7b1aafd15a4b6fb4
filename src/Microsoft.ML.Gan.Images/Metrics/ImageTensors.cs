namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>An <see cref="ImageSet"/> as tensors (CPU unless asked): pixels in [−1, 1] as [N, C, H, W], labels as int64.</summary>
internal static class ImageTensors
{
    public static Tensor Pixels(ImageSet set, Device? device = null)
    {
        using var scope = NewDisposeScope();
        var shape = set.Shape;
        // Explicit scalars held until the operations return: an implicit one (`* 2 - 1`) is unreachable as soon as
        // TorchSharp has read its native handle, and the finalizer thread may free it while libtorch still reads it
        // ("Unknown scalar type"). Copying the pixels just before makes a collection likely at exactly that moment.
        using Scalar two = 2f.ToScalar(), one = 1f.ToScalar();
        var pixels = tensor(set.Pixels, new long[] { set.Count, shape.Channels, shape.Height, shape.Width }).mul_(two).sub_(one);
        return (device is null ? pixels : pixels.to(device)).MoveToOuterDisposeScope();
    }

    public static Tensor Labels(ImageSet set) => tensor(set.Labels!.Select(l => (long)l).ToArray());
}
