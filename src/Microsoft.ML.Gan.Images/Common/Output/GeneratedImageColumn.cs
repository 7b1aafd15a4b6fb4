using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The <see cref="MLImage"/> column of the image families: each generated (or translated) row as an opaque RGBA image,
/// pixels mapped from [PixelMin, PixelMax] to 0–255 (grayscale repeated in R, G, B). Live it is an
/// <see cref="ImageDataViewType"/> of the model's height and width; after <c>mlContext.Model.Load</c> the chain's
/// custom mapping computes it and ML.NET sees an image of unknown size (a custom mapping cannot declare sizes at run
/// time), which <c>ResizeImages</c> and <c>ExtractPixels</c> accept.
/// </summary>
internal sealed class GeneratedImageColumn : GeneratedColumnDerivation
{
    /// <summary>The chain's contract name for this step; part of the saved-model format.</summary>
    public const string Contract = "Microsoft.ML.Gan.Images.GeneratedImage.v1";

    /// <summary>The chain's temporary image column (the custom mapping's fixed output name).</summary>
    public const string TemporaryColumn = GanChainColumns.ReservedPrefix + "Image";

    private readonly ImageShape _shape;
    private readonly float _black;
    private readonly float _white;

    /// <param name="outputColumnName">The generated vector column's name; the image column is named after it (<see cref="NameFor"/>).</param>
    /// <param name="shape">The images' shape.</param>
    /// <param name="black">The row value of black.</param>
    /// <param name="white">The row value of full intensity.</param>
    public GeneratedImageColumn(string outputColumnName, ImageShape shape, float black, float white)
        : base(NameFor(outputColumnName))
    {
        _shape = shape;
        _black = black;
        _white = white;
    }

    /// <summary>The image column's name for a generated column named <paramref name="outputColumnName"/>.</summary>
    public static string NameFor(string outputColumnName) => outputColumnName + "Image";

    /// <summary>One row (planar values in [black, white]) as an opaque RGBA image.</summary>
    /// <exception cref="ArgumentException">The row does not have the shape's length.</exception>
    public MLImage ToMLImage(ReadOnlySpan<float> row)
    {
        if (row.Length != _shape.Length)
            throw new ArgumentException($"{row.Length} values do not make one {_shape} image ({_shape.Length} values).", nameof(row));
        return MLImagePixels.FromPlanar(row, _shape, _black, _white);
    }

    public override DataViewType Type => new ImageDataViewType(_shape.Height, _shape.Width);

    public override IReadOnlyList<string> ChainTemporaryColumns => [TemporaryColumn];

    public override Delegate CreateGetter(ValueGetter<VBuffer<float>> generated)
    {
        var row = default(VBuffer<float>);
        // A new image per row: the caller may keep the previous one (ML.NET's image loader does the same).
        return (ValueGetter<MLImage>)((ref MLImage destination) =>
        {
            generated(ref row);
            destination = MLImagePixels.FromPlanar(row.GetValues(), _shape, _black, _white);
        });
    }

    public override IEstimator<ITransformer> CreateChainStep(MLContext mlContext) =>
        mlContext.Transforms.CustomMapping<GeneratedImageInput, GeneratedImageOutput>(GeneratedImageMappingFactory.Map, Contract)
            .Append(mlContext.Transforms.CopyColumns(Name, TemporaryColumn));

    /// <summary>The shape and pixel range of a loaded model's images (the generator behind the chain's payload).</summary>
    /// <exception cref="InvalidDataException">The payload's generator is not an image generator.</exception>
    internal static (ImageShape Shape, float Black, float White) Describe(ReadOnlyMemory<char> payload) => ResolveChainGenerator(payload) switch
    {
        ImageGenerator images => (images.Shape, images.PixelMin, images.PixelMax),
        var other => throw new InvalidDataException($"The saved model's generator ({other.GetType().Name}) does not make images."),
    };
}
