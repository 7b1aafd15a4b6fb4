namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>GAN-INT-CLS's compression of the text vector: a fully connected layer to a few features, then LeakyReLU(0.2).</summary>
internal sealed class TextProjection : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;

    public TextProjection(int conditionLength, int projectionDimension) : base(nameof(TextProjection))
    {
        linear = nn.Linear(conditionLength, projectionDimension);
        RegisterComponents();
    }

    public override Tensor forward(Tensor text)
    {
        using var scope = NewDisposeScope();
        return nn.functional.leaky_relu(linear.call(text), 0.2).MoveToOuterDisposeScope();
    }
}
