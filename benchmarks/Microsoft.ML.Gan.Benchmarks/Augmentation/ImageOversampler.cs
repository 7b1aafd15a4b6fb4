using Microsoft.ML;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Data;

namespace Microsoft.ML.Gan.Benchmarks.Augmentation;

/// <summary>The random-oversampling baseline for images: a row of key k is a copy of a random real image of class k − 1.</summary>
internal sealed class ImageOversampler(MLContext mlContext, ImageSet images) : ILabelConditionedSynthesizer
{
    public string LabelColumnName => "Label";

    public DataViewSchema Schema => Generate(0, null, 0).Schema;

    public IDataView Generate(int count, object? label, long seed)
    {
        var random = new Random((int)seed);
        int[] candidates = [.. Enumerable.Range(0, images.Count).Where(i => label is null || (ulong)images.Labels![i] + 1 == (ulong)label)];
        int length = images.Shape.Length;
        var pixels = new float[count * length];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int source = candidates[random.Next(candidates.Length)];
            images.Pixels.AsSpan(source * length, length).CopyTo(pixels.AsSpan(i * length));
            labels[i] = images.Labels![source];
        }
        return ImageSetDataView.Create(mlContext, new ImageSet(images.Shape, pixels, labels, images.ClassCount), "Image", LabelColumnName);
    }

    public void Dispose()
    {
    }
}
