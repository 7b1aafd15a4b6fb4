namespace Microsoft.ML.Gan.Privacy;

/// <summary>
/// DP-SGD gradients (Abadi et al. 2016) of a multilayer perceptron, vectorized: no loop over samples. The network is
/// run through <see cref="Forward"/>, which records each linear layer's input aᵢ and output; the per-sample gradients
/// of those outputs gᵢ then give each sample's weight gradient Σₚ gₚᵢ aₚᵢᵀ, whose squared norm is
/// Σₚₚ′ (gₚᵢ·gₚ′ᵢ)(aₚᵢ·aₚ′ᵢ + 1) with the bias (Goodfellow 2015's trick, generalized to several passes). Each sample's
/// gradient over all layers is scaled to norm at most C, the scaled gradients are summed as (c∘G)ᵀA, Gaussian noise
/// N(0, σ²C²) is added to every coordinate, and the result, divided by the expected batch size, is written into the
/// parameters' <c>.grad</c>.
/// </summary>
/// <remarks>
/// <para>A sample may span several forward passes (e.g. a real row and the generated row paired with it): row i of
/// every pass recorded since the last <see cref="WriteGradients"/> belongs to sample i.</para>
/// <para>The network must be an <c>nn.Sequential</c> of <c>Linear</c> layers and parameter-free layers that act on each
/// row alone (activations, dropout). Layers that mix rows (batch normalization) would break per-sample privacy and
/// are refused.</para>
/// </remarks>
internal sealed class DpSgdGradients
{
    private readonly nn.Module<Tensor, Tensor>[] _layers;
    private readonly Linear?[] _linear;
    private readonly List<(Tensor[] Inputs, Tensor[] Outputs)> _passes = new();
    private readonly Generator? _noise;

    /// <summary>Checks the network and keeps the clipping norm and noise multiplier.</summary>
    /// <param name="network">An <c>nn.Sequential</c> of linear and parameter-free row-wise layers.</param>
    /// <param name="maxGradNorm">C: the per-sample L2 bound; &gt; 0.</param>
    /// <param name="noiseMultiplier">σ: noise standard deviation over C; ≥ 0 (0 clips without noise, for tests only).</param>
    /// <param name="noise">
    /// The generator the Gaussian noise is drawn from, on the network's device. A private fit passes one seeded from a
    /// cryptographically secure source (<see cref="CryptographicRandom.NewTorchGenerator"/>) so that the noise cannot be
    /// replayed from a public seed; null draws from torch's default generator (tests).
    /// </param>
    /// <exception cref="ArgumentException">The network has a layer with parameters other than <c>Linear</c>.</exception>
    public DpSgdGradients(nn.Module<Tensor, Tensor> network, double maxGradNorm, double noiseMultiplier, Generator? noise = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!(maxGradNorm > 0) || double.IsInfinity(maxGradNorm))
            throw new ArgumentOutOfRangeException(nameof(maxGradNorm), maxGradNorm, "The clipping norm C must be finite and greater than 0.");
        if (!(noiseMultiplier >= 0) || double.IsInfinity(noiseMultiplier))
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "The noise multiplier σ must be finite and at least 0.");
        if (network is not Sequential)
            throw new ArgumentException($"DP-SGD needs an nn.Sequential network; got {network.GetType().Name}.", nameof(network));
        _layers = network.children().Select(m => m as nn.Module<Tensor, Tensor>
            ?? throw new ArgumentException($"Layer {m.GetName()} is not a tensor-to-tensor module.", nameof(network))).ToArray();
        _linear = _layers.Select(m => m as Linear).ToArray();
        for (int i = 0; i < _layers.Length; i++)
        {
            if (_linear[i] is null && _layers[i].parameters().Any())
                throw new ArgumentException(
                    $"Layer {_layers[i].GetName()} ({_layers[i].GetType().Name}) has parameters; DP-SGD here supports Linear layers and parameter-free row-wise layers only.",
                    nameof(network));
        }
        MaxGradNorm = maxGradNorm;
        NoiseMultiplier = noiseMultiplier;
        _noise = noise;
    }

    /// <summary>C, the per-sample clipping norm.</summary>
    public double MaxGradNorm { get; }

    /// <summary>σ, the noise standard deviation over C.</summary>
    public double NoiseMultiplier { get; }

    /// <summary>Runs the network on a batch [rows, features], recording what the per-sample gradients need.</summary>
    public Tensor Forward(Tensor input)
    {
        var inputs = new List<Tensor>();
        var outputs = new List<Tensor>();
        var x = input;
        for (int i = 0; i < _layers.Length; i++)
        {
            if (_linear[i] is not null)
                inputs.Add(x.detach());
            x = _layers[i].call(x);
            if (_linear[i] is not null)
                outputs.Add(x);
        }
        _passes.Add(([.. inputs], [.. outputs]));
        return x;
    }

    /// <summary>
    /// The per-sample gradient norms (before clipping) of <paramref name="lossSum"/> = Σᵢ Lᵢ over the passes recorded
    /// since the last call; clears the record.
    /// </summary>
    /// <param name="lossSum">The sum of the per-sample losses, computed from the outputs of <see cref="Forward"/>.</param>
    public Tensor PerSampleNorms(Tensor lossSum)
    {
        using var scope = NewDisposeScope();
        var (gradients, inputs) = OutputGradients(lossSum);
        return PerSampleNorms(gradients, inputs).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Writes the privatized gradient of Σᵢ Lᵢ into the network's <c>.grad</c>: each sample's gradient clipped to
    /// <see cref="MaxGradNorm"/>, summed, plus N(0, (σC)²) noise from the constructor's generator, divided by
    /// <paramref name="expectedBatchSize"/>. Clears the record of passes.
    /// </summary>
    /// <param name="lossSum">The sum of the per-sample losses, computed from the outputs of <see cref="Forward"/>.</param>
    /// <param name="expectedBatchSize">The denominator (qN for Poisson sampling: fixed, so it leaks nothing); &gt; 0.</param>
    public void WriteGradients(Tensor lossSum, double expectedBatchSize)
    {
        if (!(expectedBatchSize > 0))
            throw new ArgumentOutOfRangeException(nameof(expectedBatchSize), expectedBatchSize, "The expected batch size must be positive.");
        using var scope = NewDisposeScope();
        var (gradients, inputs) = OutputGradients(lossSum);
        var norms = PerSampleNorms(gradients, inputs);
        var scale = (MaxGradNorm / (norms + 1e-6)).clamp_max(1.0);
        int layer = 0;
        using (no_grad())
        {
            foreach (var linear in _linear.Where(l => l is not null).Cast<Linear>())
            {
                var g = gradients[layer] * scale.view(-1, 1, 1);
                var a = inputs[layer];
                long outFeatures = g.shape[2], inFeatures = a.shape[2];
                var weight = g.reshape(-1, outFeatures).t().mm(a.reshape(-1, inFeatures));
                Write(linear.weight!, weight, expectedBatchSize);
                if (linear.bias is not null)
                    Write(linear.bias, g.sum([0, 1]), expectedBatchSize);
                layer++;
            }
        }
    }

    private void Write(Parameter parameter, Tensor clippedSum, double expectedBatchSize)
    {
        var noisy = NoiseMultiplier > 0
            ? clippedSum + randn(clippedSum.shape, clippedSum.dtype, clippedSum.device, generator: _noise) * (NoiseMultiplier * MaxGradNorm)
            : clippedSum;
        var gradient = (noisy / expectedBatchSize).to_type(parameter.dtype);
        if (parameter.grad is Tensor existing)
            existing.copy_(gradient);
        else
            parameter.grad = gradient.clone();
    }

    /// <summary>Per layer, the output gradients [samples, passes, out] and inputs [samples, passes, in].</summary>
    private (Tensor[] Gradients, Tensor[] Inputs) OutputGradients(Tensor lossSum)
    {
        if (_passes.Count == 0)
            throw new InvalidOperationException("No forward pass was recorded: call Forward before computing gradients.");
        long samples = _passes[0].Inputs[0].shape[0];
        if (_passes.Any(p => p.Inputs[0].shape[0] != samples))
            throw new InvalidOperationException("Every recorded pass must have one row per sample.");
        int layers = _passes[0].Outputs.Length;
        var outputs = _passes.SelectMany(p => p.Outputs).ToArray();
        var flat = autograd.grad([lossSum], outputs);
        var gradients = new Tensor[layers];
        var inputs = new Tensor[layers];
        for (int l = 0; l < layers; l++)
        {
            gradients[l] = stack(Enumerable.Range(0, _passes.Count)
                .Select(p => flat[p * layers + l]).ToArray(), 1).detach();
            inputs[l] = stack(_passes.Select(p => p.Inputs[l]).ToArray(), 1);
        }
        _passes.Clear();
        return (gradients, inputs);
    }

    private Tensor PerSampleNorms(Tensor[] gradients, Tensor[] inputs)
    {
        using var scope = NewDisposeScope();
        Tensor? squared = null;
        int layer = 0;
        foreach (var linear in _linear.Where(l => l is not null).Cast<Linear>())
        {
            var g = gradients[layer];
            var a = inputs[layer];
            var gram = g.bmm(g.transpose(1, 2));
            var inputGram = a.bmm(a.transpose(1, 2));
            if (linear.bias is not null)
                inputGram = inputGram + 1;
            var term = (gram * inputGram).sum([1, 2]);
            squared = squared is null ? term : squared + term;
            layer++;
        }
        return squared!.clamp_min(0).sqrt().MoveToOuterDisposeScope();
    }
}
