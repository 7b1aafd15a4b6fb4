using Microsoft.ML.Gan.Images.Networks;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>GAN-INT-CLS generator: the projected text vector concatenated to z, then the DCGAN generator.</summary>
internal sealed class TextConditionedGenerator : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TextProjection projection;
    private readonly DcganGenerator image;

    public TextConditionedGenerator(TextToImageSpec spec) : base(nameof(TextConditionedGenerator))
    {
        Spec = spec;
        projection = new TextProjection(spec.ConditionLength, spec.ProjectionDimension);
        image = new DcganGenerator(spec.Image);
        RegisterComponents();
    }

    public TextToImageSpec Spec { get; }

    /// <param name="latent">[N, z] noise.</param>
    /// <param name="text">[N, T] text vectors.</param>
    /// <returns>[N, C, H, W] in [−1, 1].</returns>
    public override Tensor forward(Tensor latent, Tensor text)
    {
        using var scope = NewDisposeScope();
        return image.call(cat(new[] { latent, projection.call(text) }, 1)).MoveToOuterDisposeScope();
    }
}
