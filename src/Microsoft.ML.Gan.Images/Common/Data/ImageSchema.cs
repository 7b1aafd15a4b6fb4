using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Images.Data;

/// <summary>GetOutputSchema's shared part for image GAN estimators: checks the image column and adds the generated one.</summary>
internal static class ImageSchema
{
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or of the wrong type.</exception>
    public static SchemaShape WithGeneratedColumn(MLContext mlContext, ImageColumnOptions options, SchemaShape inputSchema)
    {
        var image = inputSchema.FirstOrDefault(c => c.Name == options.ImageColumnName);
        if (image.Name is null)
            throw new ArgumentOutOfRangeException(nameof(ImageColumnOptions.ImageColumnName), $"Column '{options.ImageColumnName}' (ImageColumnName) is not in the input.");
        bool isImage = image.Kind == SchemaShape.Column.VectorKind.Scalar && image.ItemType is ImageDataViewType;
        if (!isImage && (image.Kind != SchemaShape.Column.VectorKind.Vector || image.ItemType != NumberDataViewType.Single))
            throw new ArgumentOutOfRangeException(nameof(ImageColumnOptions.ImageColumnName),
                $"Column '{image.Name}' (ImageColumnName) has type {image.ItemType}; expected an image (MLImage) or a known-size vector of Single.");
        // SchemaShape.Column has no public constructor: let a built-in estimator describe the generated float vector.
        return isImage
            ? mlContext.Transforms.ExtractPixels(options.OutputColumnName, image.Name).GetOutputSchema(inputSchema)
            : mlContext.Transforms.CopyColumns(options.OutputColumnName, image.Name).GetOutputSchema(inputSchema);
    }
}
