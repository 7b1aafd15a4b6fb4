using System.ComponentModel;
using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Images;

/// <summary>Input of the image step of a saved image GAN. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class GeneratedImageInput
{
    /// <summary>The model record in base64.</summary>
    [ColumnName(GanChainColumns.Payload)]
    public ReadOnlyMemory<char> Payload;

    /// <summary>The generated row (planar C×H×W).</summary>
    [ColumnName(GanChainColumns.Generated)]
    public float[] Generated = [];
}

/// <summary>
/// Output of the image step of a saved image GAN, also its per-cursor cache of the image's shape.
/// Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class GeneratedImageOutput
{
    /// <summary>The generated row as an image (its size is known only at run time).</summary>
    [ColumnName(GeneratedImageColumn.TemporaryColumn)]
    [AnySizeImageType]
    public MLImage? Image { get; set; }

    [NoColumn]
    internal (ImageShape Shape, float Black, float White)? Format { get; set; }
}

/// <summary>
/// Image step of a saved image GAN: turns the generated row into an <see cref="MLImage"/> with the shape and pixel
/// range of the model in the payload. Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GeneratedImageColumn.Contract)]
internal sealed class GeneratedImageMappingFactory : CustomMappingFactory<GeneratedImageInput, GeneratedImageOutput>
{
    /// <summary>The mapping.</summary>
    public static void Map(GeneratedImageInput input, GeneratedImageOutput output)
    {
        var (shape, black, white) = output.Format ??= GeneratedImageColumn.Describe(input.Payload);
        if (input.Generated.Length != shape.Length)
            throw new InvalidDataException($"The generated row has {input.Generated.Length} values; a {shape} image needs {shape.Length}.");
        output.Image = MLImagePixels.FromPlanar(input.Generated, shape, black, white);
    }

    /// <inheritdoc/>
    public override Action<GeneratedImageInput, GeneratedImageOutput> GetMapping() => Map;
}

/// <summary>
/// Declares an <see cref="MLImage"/> member as an image column of unknown size (<see cref="ImageTypeAttribute"/>
/// needs a compile-time height and width).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
internal sealed class AnySizeImageTypeAttribute : DataViewTypeAttribute
{
    public override bool Equals(DataViewTypeAttribute other) => other is AnySizeImageTypeAttribute;

    public override bool Equals(object? obj) => obj is AnySizeImageTypeAttribute;

    public override int GetHashCode() => typeof(AnySizeImageTypeAttribute).GetHashCode();

    public override void Register() => DataViewTypeManager.Register(new ImageDataViewType(), typeof(MLImage), this);
}
