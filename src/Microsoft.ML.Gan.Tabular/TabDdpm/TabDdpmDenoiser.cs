using Microsoft.ML.Gan.Networks;
using TorchSharp.Modules;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// TabDDPM's denoiser (the paper's MLPDiffusion): the timestep's sinusoidal embedding goes through
/// Linear–SiLU–Linear; with a label, SiLU of the label's learned embedding is added; the noisy row is projected to the
/// same width and added; an MLP (ReLU, optional dropout) maps the sum to [ε̂ for the normal scores | logits of x̂₀ for
/// the categorical features].
/// </summary>
internal sealed class TabDdpmDenoiser : nn.Module
{
    private readonly int _embedding;
    private readonly Sequential _time;
    private readonly Embedding? _label;
    private readonly Linear _projection;
    private readonly nn.Module<Tensor, Tensor> _mlp;

    public TabDdpmDenoiser(TabDdpmArchitecture architecture) : base(nameof(TabDdpmDenoiser))
    {
        _embedding = architecture.TimeEmbeddingDimension;
        _time = nn.Sequential(nn.Linear(_embedding, _embedding), nn.SiLU(), nn.Linear(_embedding, _embedding));
        _label = architecture.LabelClasses > 0 ? nn.Embedding(architecture.LabelClasses, _embedding) : null;
        _projection = nn.Linear(architecture.Width, _embedding);
        _mlp = Mlp.Create(_embedding, architecture.Width, new MlpOptions { HiddenLayers = architecture.HiddenLayers, Dropout = architecture.Dropout });
        RegisterComponents();
    }

    /// <summary>The denoiser's output for noisy rows <paramref name="x"/> at timesteps <paramref name="timesteps"/> (float, one per row).</summary>
    public Tensor Forward(Tensor x, Tensor timesteps, Tensor? label)
    {
        using var scope = NewDisposeScope();
        var embedding = _time.call(TimestepEmbedding(timesteps, _embedding));
        if (_label is not null && label is not null)
            embedding = embedding + nn.functional.silu(_label.call(label));
        return _mlp.call(_projection.call(x) + embedding).MoveToOuterDisposeScope();
    }

    /// <summary>[cos(t·fᵢ) | sin(t·fᵢ)] with fᵢ = 10000^(−i/(d/2)), i &lt; d/2 (zero-padded to an odd width).</summary>
    public static Tensor TimestepEmbedding(Tensor timesteps, int dimension)
    {
        int half = dimension / 2;
        // Held in locals: an implicit temporary Scalar can be finalized during the native call.
        using Scalar count = half, scale = -Math.Log(10000);
        var frequencies = exp(scale * arange(count, dtype: ScalarType.Float32, device: timesteps.device) / count);
        var arguments = timesteps.to(ScalarType.Float32).unsqueeze(1) * frequencies.unsqueeze(0);
        var embedding = cat([arguments.cos(), arguments.sin()], 1);
        return dimension % 2 == 0 ? embedding : nn.functional.pad(embedding, [0, 1]);
    }
}
