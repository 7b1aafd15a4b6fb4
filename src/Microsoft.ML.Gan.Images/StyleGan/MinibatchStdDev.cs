namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// Minibatch standard deviation (Karras et al. 2018): splits the batch into groups of up to G samples (the largest
/// divisor of the batch not above G), takes each feature's standard deviation over the group, averages it over
/// features and pixels and appends it as one extra constant feature map, so the discriminator sees batch variety.
/// </summary>
internal sealed class MinibatchStdDev : nn.Module<Tensor, Tensor>
{
    private readonly int _groupSize;

    public MinibatchStdDev(int groupSize) : base(nameof(MinibatchStdDev)) => _groupSize = groupSize;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long n = input.shape[0], channels = input.shape[1], height = input.shape[2], width = input.shape[3];
        long group = Math.Min(_groupSize, n);
        while (n % group != 0)
            group--;
        var grouped = input.reshape(group, n / group, channels, height, width);
        var deviation = (grouped - grouped.mean(new long[] { 0 })).square().mean(new long[] { 0 }).add(1e-8).sqrt();
        var feature = deviation.mean(new long[] { 1, 2, 3 }).reshape(-1, 1, 1, 1).repeat(group, 1, height, width);
        return cat(new[] { input, feature }, 1).MoveToOuterDisposeScope();
    }
}
