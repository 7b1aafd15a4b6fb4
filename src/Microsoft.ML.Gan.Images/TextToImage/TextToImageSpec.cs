using Microsoft.ML.Gan.Images.Networks;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// The shapes of the text-to-image networks (saved with a fitted model): a text vector of <see cref="ConditionLength"/>
/// floats is projected to <see cref="ProjectionDimension"/> features. <see cref="Image"/> describes the DCGAN stacks;
/// its "class count" is the projection width, since G reads [z, projection] exactly as a cGAN reads [z, one-hot].
/// </summary>
internal sealed record TextToImageSpec(ImageNetworkSpec Image, int ConditionLength, int ProjectionDimension) : INetworkSpec<TextToImageSpec>
{
    public static TextToImageSpec From(TextToImageOptions options, int conditionLength) =>
        new(new ImageNetworkSpec(options.ResolveShape(), options.LatentDimension, options.GeneratorFeatures, options.DiscriminatorFeatures,
            ImageConditioning.Concat, options.ProjectionDimension, DiscriminatorNormalization.BatchNorm, SpectralNorm: false),
            conditionLength, options.ProjectionDimension);

    public void Write(BinaryWriter writer)
    {
        Image.Write(writer);
        writer.Write(ConditionLength);
        writer.Write(ProjectionDimension);
    }

    public static TextToImageSpec Read(BinaryReader reader)
    {
        var image = ImageNetworkSpec.Read(reader);
        var spec = new TextToImageSpec(image, reader.ReadInt32(), reader.ReadInt32());
        if (spec.ConditionLength < 1 || spec.ProjectionDimension < 1 || image.ClassCount != spec.ProjectionDimension)
            throw new InvalidDataException($"Impossible text-to-image record: {spec}.");
        return spec;
    }
}
