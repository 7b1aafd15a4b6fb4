namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>The per-layer noise inputs of the StyleGAN synthesis network (scaled by each layer's learned strength).</summary>
public enum NoiseMode
{
    /// <summary>Fresh Gaussian noise per image and layer (training, and seeded per row in generation).</summary>
    Random,

    /// <summary>One fixed noise map per layer, learned with the model and shared by every image ("fixed noise").</summary>
    Const,

    /// <summary>No noise.</summary>
    None,
}
