using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.FashionData;

/// <summary>Which sentence patterns <see cref="FashionCaptions.Describe"/> uses.</summary>
public enum FashionCaptionTemplates
{
    /// <summary>"a dark, wide ankle boot", "ankle boot", "the ankle boot is dark and wide".</summary>
    Training,

    /// <summary>Patterns absent from <see cref="Training"/>: "wide dark ankle boot", "an ankle boot, narrow".</summary>
    HeldOut,
}

/// <summary>
/// Short English captions for Fashion-MNIST images, built from the class name and two measured attributes: brightness
/// ("dark" / "light": mean intensity of the garment's pixels below or above the median of its class in the set) and
/// width ("narrow" / "wide": columns the garment covers, against the class median). Material for text-to-image
/// examples and tests; the class named in a caption is the image's label.
/// </summary>
public static class FashionCaptions
{
    /// <summary>Class names as they appear in captions (index = label).</summary>
    public static IReadOnlyList<string> ClassWords { get; } =
        ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"];

    /// <summary>One caption per image of a labelled 10-class set.</summary>
    /// <param name="images">Fashion-MNIST images with labels.</param>
    /// <param name="templates">Which sentence patterns to use.</param>
    /// <param name="seed">Chooses the pattern of each caption.</param>
    /// <exception cref="ArgumentException">The set is not labelled with 10 classes.</exception>
    public static string[] Describe(ImageSet images, FashionCaptionTemplates templates = FashionCaptionTemplates.Training, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Labels is null || images.ClassCount != ClassWords.Count)
            throw new ArgumentException($"Captions need images labelled with the {ClassWords.Count} Fashion-MNIST classes.", nameof(images));
        var brightness = new double[images.Count];
        var width = new double[images.Count];
        for (int i = 0; i < images.Count; i++)
            (brightness[i], width[i]) = Measure(images.Pixels.AsSpan(i * images.Shape.Length, images.Shape.Length), images.Shape);
        var brightMedian = ClassMedians(brightness, images.Labels);
        var widthMedian = ClassMedians(width, images.Labels);
        var random = new Random(seed);
        var captions = new string[images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            int label = images.Labels[i];
            string tone = brightness[i] < brightMedian[label] ? "dark" : "light";
            string size = width[i] < widthMedian[label] ? "narrow" : "wide";
            captions[i] = Sentence(ClassWords[label], tone, size, templates, random.Next(3));
        }
        return captions;
    }

    private static string Sentence(string item, string tone, string size, FashionCaptionTemplates templates, int pattern) =>
        (templates, pattern) switch
        {
            (FashionCaptionTemplates.Training, 0) => $"a {tone}, {size} {item}",
            (FashionCaptionTemplates.Training, 1) => item,
            (FashionCaptionTemplates.Training, _) => $"the {item} is {tone} and {size}",
            (_, 0) => $"{size} {tone} {item}",
            (_, 1) => $"an {item}, {size}",
            _ => $"{tone} {item}",
        };

    /// <summary>Mean intensity of the garment's pixels (&gt; 0.1) and the fraction of columns holding any of them.</summary>
    private static (double Brightness, double Width) Measure(ReadOnlySpan<float> image, ImageShape shape)
    {
        double sum = 0;
        int count = 0, columns = 0;
        for (int x = 0; x < shape.Width; x++)
        {
            bool covered = false;
            for (int y = 0; y < shape.Height; y++)
            {
                float value = image[y * shape.Width + x];
                if (value > 0.1f)
                {
                    sum += value;
                    count++;
                    covered = true;
                }
            }
            columns += covered ? 1 : 0;
        }
        return (count == 0 ? 0 : sum / count, columns / (double)shape.Width);
    }

    private static double[] ClassMedians(double[] values, int[] labels) =>
        Enumerable.Range(0, ClassWords.Count).Select(c =>
        {
            var members = values.Where((_, i) => labels[i] == c).Order().ToArray();
            return members.Length == 0 ? 0 : members[members.Length / 2];
        }).ToArray();
}
