using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>Builds CTGAN's networks (Xu et al. 2019, §4.4) from the shape of a fitted model.</summary>
internal static class CtganNetworks
{
    /// <summary>
    /// The generator of a fitted model. TVAE (<see cref="GeneratorKind.TvaeDecoder"/>): its decoder, latent code (⊕ label one-hot) →
    /// Linear → ReLU per width → Linear to the encoded row. CTGAN: residual generator: input noise ⊕ conditional vector, one <see cref="ResidualLayer"/> per width (each adds its
    /// width to the features), then a linear layer to the encoded row's raw outputs (activations are applied span-wise
    /// by <see cref="SpanActivation"/>).
    /// </summary>
    public static nn.Module<Tensor, Tensor> CreateGenerator(CtganArchitecture architecture)
    {
        if (architecture.Kind == GeneratorKind.TvaeDecoder)
            return Mlp.Create(architecture.EmbeddingDimension + architecture.ConditionWidth, architecture.DataWidth, new MlpOptions { HiddenLayers = architecture.GeneratorLayers });
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long width = architecture.EmbeddingDimension + architecture.ConditionWidth;
        for (int i = 0; i < architecture.GeneratorLayers.Length; i++)
        {
            layers.Add(($"residual{i}", new ResidualLayer(width, architecture.GeneratorLayers[i])));
            width += architecture.GeneratorLayers[i];
        }
        layers.Add(("output", nn.Linear(width, architecture.DataWidth)));
        return nn.Sequential(layers);
    }

    /// <summary>
    /// PacGAN critic body: reads <paramref name="pac"/> rows of (encoded row ⊕ conditional vector) at once;
    /// Linear → LeakyReLU(0.2) → Dropout per width, then one output.
    /// </summary>
    public static nn.Module<Tensor, Tensor> CreateDiscriminator(CtganArchitecture architecture, int pac, IReadOnlyList<int> layers, double dropout) =>
        Mlp.Create((architecture.DataWidth + architecture.ConditionWidth) * pac, 1, new MlpOptions
        {
            HiddenLayers = layers,
            LeakyRelu = true,
            Dropout = dropout,
        });

    /// <summary>
    /// The auxiliary classifier or regressor of target-aware synthesis (<see cref="AuxiliaryPredictor"/>): the encoded
    /// row without the label's spans → Linear → LeakyReLU(0.2) → Dropout(0.5) per width (256, 256) → one output per
    /// position of the label's spans (category logits, values before tanh).
    /// </summary>
    public static nn.Module<Tensor, Tensor> CreateAuxiliaryPredictor(int features, int outputs) =>
        Mlp.Create(features, outputs, new MlpOptions { HiddenLayers = [256, 256], LeakyRelu = true, Dropout = 0.5 });
}
