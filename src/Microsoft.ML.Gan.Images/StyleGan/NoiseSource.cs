namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>Standard normal draws: from a seeded CPU generator (generation, identical on every device) or from torch's
/// default generator on the target device (training, so checkpoints resume exactly).</summary>
internal static class NoiseSource
{
    public static Tensor Draw(long[] shape, Generator? random, Device device) =>
        random is null ? randn(shape, device: device) : randn(shape, generator: random).to(device);
}
