namespace Microsoft.ML.Gan.Images.Data;

/// <summary>Which image column to read and how: its name, the option that named it (for error messages), the declared
/// shape and the pixel range of a float-vector column.</summary>
internal sealed record ImageColumnRequest(string Name, string OptionName, ImageShape Shape, float PixelMin, float PixelMax)
{
    public static ImageColumnRequest From(ImageColumnOptions options) =>
        new(options.ImageColumnName, nameof(ImageColumnOptions.ImageColumnName), options.ResolveShape(), options.PixelMin, options.PixelMax);
}
