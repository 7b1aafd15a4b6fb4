namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>
/// A LeNet-like classifier: conv 5×5 (16) → ReLU → max-pool 2 → conv 5×5 (32) → ReLU → max-pool 2 → linear (features)
/// → ReLU → linear (classes). Input [N, C, H, W] in [−1, 1].
/// </summary>
internal sealed class LeNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear hidden;
    private readonly Linear output;

    public LeNet(ImageShape shape, int features, int classes) : base(nameof(LeNet))
    {
        conv1 = nn.Conv2d(shape.Channels, 16, 5, padding: 2);
        conv2 = nn.Conv2d(16, 32, 5, padding: 2);
        hidden = nn.Linear(32L * (shape.Height / 4) * (shape.Width / 4), features);
        output = nn.Linear(features, classes);
        RegisterComponents();
    }

    /// <summary>The penultimate activations [N, features].</summary>
    public Tensor Features(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.max_pool2d(nn.functional.relu(conv1.call(images)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(conv2.call(x)), 2);
        return nn.functional.relu(hidden.call(x.flatten(1))).MoveToOuterDisposeScope();
    }

    /// <summary>Class logits [N, classes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var features = Features(images);
        return output.call(features);
    }
}
