namespace Microsoft.ML.Gan.Penalties;

/// <summary>Gradient-based discriminator penalties. Both need a critic that is differentiable in its input.</summary>
internal static class GradientPenalties
{
    /// <summary>
    /// WGAN-GP penalty weight·E[(‖∇D(x̂)‖₂ − 1)²] with x̂ = εx + (1 − ε)x̃ and one ε ~ U(0, 1) per group.
    /// </summary>
    /// <param name="critic">The discriminator (logits).</param>
    /// <param name="real">Real samples [N, ...].</param>
    /// <param name="fake">Generated samples, same shape, detached from G.</param>
    /// <param name="weight">λ (10 in the paper).</param>
    /// <param name="groupSize">Rows that the critic reads as one sample (PacGAN's pac); they share ε and one norm.</param>
    public static Tensor Interpolated(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, double weight, int groupSize = 1)
    {
        long rows = real.shape[0];
        if (rows % groupSize != 0)
            throw new ArgumentException($"The batch of {rows} rows is not a multiple of the group size {groupSize}.", nameof(groupSize));
        using var scope = NewDisposeScope();
        long groups = rows / groupSize;
        var epsilonShape = new long[real.dim() + 1];
        epsilonShape[0] = groups;
        Array.Fill(epsilonShape, 1L, 1, epsilonShape.Length - 1);
        var epsilon = rand(epsilonShape, dtype: real.dtype, device: real.device)
            .expand(ShapeWithGroups(real, groups, groupSize)).reshape(real.shape);
        var interpolated = (epsilon * real + (1 - epsilon) * fake).detach().requires_grad_(true);
        var gradient = InputGradient(critic, interpolated);
        var norms = gradient.reshape(groups, -1).norm(1);
        return ((norms - 1).square().mean() * weight).MoveToOuterDisposeScope();
    }

    /// <summary>R1 penalty (γ/2)·E[‖∇D(x)‖₂²] on real samples.</summary>
    /// <param name="critic">The discriminator (logits).</param>
    /// <param name="real">Real samples.</param>
    /// <param name="gamma">γ.</param>
    /// <param name="groupSize">Rows that the critic reads as one sample (PacGAN's pac).</param>
    public static Tensor R1(Func<Tensor, Tensor> critic, Tensor real, double gamma, int groupSize = 1)
    {
        using var scope = NewDisposeScope();
        var input = real.detach().requires_grad_(true);
        var gradient = InputGradient(critic, input);
        long groups = real.shape[0] / groupSize;
        return (gradient.reshape(groups, -1).square().sum(1).mean() * (gamma / 2)).MoveToOuterDisposeScope();
    }

    private static long[] ShapeWithGroups(Tensor real, long groups, int groupSize)
    {
        var shape = new long[real.dim() + 1];
        shape[0] = groups;
        shape[1] = groupSize;
        for (int d = 1; d < real.dim(); d++)
            shape[d + 1] = real.shape[d];
        return shape;
    }

    private static Tensor InputGradient(Func<Tensor, Tensor> critic, Tensor input)
    {
        var output = critic(input);
        // create_graph so the penalty is differentiable in D's weights; retain_graph because TorchSharp
        // does not retain it implicitly when create_graph is set.
        return autograd.grad(new[] { output.sum() }, new[] { input }, create_graph: true, retain_graph: true)[0];
    }
}
