namespace Microsoft.ML.Gan.Networks;

/// <summary>Builds multilayer perceptrons from <see cref="MlpOptions"/>.</summary>
internal static class Mlp
{
    /// <summary>Creates Linear → [BatchNorm] → activation → [Dropout] blocks, then an output Linear.</summary>
    public static nn.Module<Tensor, Tensor> Create(int inputs, int outputs, MlpOptions options)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int width = inputs;
        for (int i = 0; i < options.HiddenLayers.Count; i++)
        {
            int hidden = options.HiddenLayers[i];
            layers.Add(($"linear{i}", Linear(width, hidden, options.SpectralNorm)));
            if (options.BatchNorm)
                layers.Add(($"norm{i}", nn.BatchNorm1d(hidden)));
            layers.Add(($"act{i}", options.LeakyRelu ? nn.LeakyReLU(0.2) : nn.ReLU()));
            if (options.Dropout > 0)
                layers.Add(($"dropout{i}", nn.Dropout(options.Dropout)));
            width = hidden;
        }
        layers.Add(("output", Linear(width, outputs, options.SpectralNorm)));
        if (options.TanhOutput)
            layers.Add(("tanh", nn.Tanh()));
        return nn.Sequential(layers);
    }

    private static nn.Module<Tensor, Tensor> Linear(int inputs, int outputs, bool spectralNorm) =>
        spectralNorm ? new NormalizedLinear(inputs, outputs) : nn.Linear(inputs, outputs);
}
