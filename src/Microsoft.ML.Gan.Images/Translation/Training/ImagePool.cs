namespace Microsoft.ML.Gan.Images.Training.Translation;

/// <summary>
/// CycleGAN's history of generated images (Shrivastava et al. 2017): until full, each new image is stored and
/// returned; afterwards, with probability ½ a stored image is returned and replaced by the new one, else the new one is
/// returned. Decisions come from torch's default generator. Capacity 0 returns the batch unchanged.
/// </summary>
internal sealed class ImagePool : IDisposable
{
    private readonly int _capacity;
    private readonly List<Tensor> _images = new();

    public ImagePool(int capacity) => _capacity = capacity;

    /// <summary>A batch for the discriminator, drawn from <paramref name="generated"/> (detached) and the pool.</summary>
    public Tensor Query(Tensor generated)
    {
        if (_capacity == 0)
            return generated.detach();
        using var scope = NewDisposeScope();
        var result = new List<Tensor>();
        var draws = rand(generated.shape[0]).data<float>().ToArray();
        for (int i = 0; i < draws.Length; i++)
        {
            var image = generated[i].detach().clone();
            if (_images.Count < _capacity)
            {
                _images.Add(image.clone().DetachFromDisposeScope());
                result.Add(image);
            }
            else if (draws[i] > 0.5f)
            {
                int slot = (int)randint(_capacity, new long[] { 1 }).item<long>();
                result.Add(_images[slot].clone());
                _images[slot].Dispose();
                _images[slot] = image.clone().DetachFromDisposeScope();
            }
            else
            {
                result.Add(image);
            }
        }
        return stack(result).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var image in _images)
            image.Dispose();
        _images.Clear();
    }
}
