namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// PacGAN packing (Lin et al. 2018): the discriminator judges <c>pack</c> samples at once, concatenated, which
/// penalizes a generator that covers few modes. Batches must be multiples of the pack size.
/// </summary>
internal static class Packing
{
    /// <summary>Reshapes a batch [N, ...] into [N / pack, pack · rest] for a packed discriminator.</summary>
    /// <exception cref="ArgumentException">N is not a multiple of <paramref name="pack"/>.</exception>
    public static Tensor Pack(Tensor batch, int pack)
    {
        if (pack == 1)
            return batch.alias();
        if (batch.shape[0] % pack != 0)
            throw new ArgumentException($"A batch of {batch.shape[0]} rows cannot be split into packs of {pack}.", nameof(batch));
        return batch.reshape(batch.shape[0] / pack, -1);
    }

    /// <summary>Wraps a discriminator so that it reads packed batches.</summary>
    public static Func<Tensor, Tensor> Critic(nn.Module<Tensor, Tensor> discriminator, int pack) =>
        pack == 1 ? discriminator.call : batch => discriminator.call(Pack(batch, pack));
}
