using Microsoft.ML.Gan.Images.Networks;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// GAN-INT-CLS discriminator: the DCGAN convolutional stack down to the s<sub>h</sub>×s<sub>w</sub> seed, the projected
/// text vector replicated over those positions and concatenated to the feature map, a 1×1 convolution with batch norm
/// and LeakyReLU(0.2), then an s<sub>h</sub>×s<sub>w</sub> convolution to one logit (does this image match this text?).
/// </summary>
internal sealed class TextConditionedDiscriminator : nn.Module
{
    private readonly DcganDiscriminatorTrunk trunk;
    private readonly TextProjection projection;
    private readonly nn.Module<Tensor, Tensor> joint;
    private readonly nn.Module<Tensor, Tensor> jointNorm;
    private readonly nn.Module<Tensor, Tensor> head;

    public TextConditionedDiscriminator(TextToImageSpec spec) : base(nameof(TextConditionedDiscriminator))
    {
        var image = spec.Image;
        trunk = new DcganDiscriminatorTrunk(image, image.Shape.Channels);
        projection = new TextProjection(spec.ConditionLength, spec.ProjectionDimension);
        joint = nn.Conv2d(trunk.OutputChannels + spec.ProjectionDimension, trunk.OutputChannels, 1, bias: false);
        jointNorm = nn.BatchNorm2d(trunk.OutputChannels);
        head = nn.Conv2d(trunk.OutputChannels, 1, (image.Layout.SeedHeight, image.Layout.SeedWidth));
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Logits [N] for images [N, C, H, W] in [−1, 1] paired with text vectors [N, T].</summary>
    public Tensor Judge(Tensor images, Tensor text)
    {
        using var scope = NewDisposeScope();
        var features = trunk.call(images);
        var planes = projection.call(text).unsqueeze(-1).unsqueeze(-1).expand(-1, -1, features.shape[2], features.shape[3]);
        var x = nn.functional.leaky_relu(jointNorm.call(joint.call(cat(new[] { features, planes }, 1))), 0.2);
        return head.call(x).flatten().MoveToOuterDisposeScope();
    }

    /// <summary>The critic for fixed text vectors (what the losses and penalties call).</summary>
    public Func<Tensor, Tensor> Critic(Tensor text) => images => Judge(images, text);
}
