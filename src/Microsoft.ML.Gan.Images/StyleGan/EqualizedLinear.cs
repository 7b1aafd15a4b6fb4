namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// Fully connected layer with equalized learning rate (Karras et al. 2018): weights drawn from N(0, 1/m²) and scaled at
/// run time by m/√fan_in, the bias stored as b/m and scaled by m, where m is the learning-rate multiplier (0.01 in
/// StyleGAN's mapping network). Adam then moves every weight at the same effective speed, m times the optimizer's rate.
/// Optionally followed by LeakyReLU(0.2)·√2.
/// </summary>
internal sealed class EqualizedLinear : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly double _weightGain;
    private readonly double _biasGain;
    private readonly bool _activate;

    public EqualizedLinear(long inputs, long outputs, bool activate = false, double learningRateMultiplier = 1, double biasInit = 0)
        : base(nameof(EqualizedLinear))
    {
        weight = nn.Parameter(randn(outputs, inputs) / learningRateMultiplier);
        bias = nn.Parameter(full(outputs, biasInit / learningRateMultiplier));
        _weightGain = learningRateMultiplier / Math.Sqrt(inputs);
        _biasGain = learningRateMultiplier;
        _activate = activate;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = nn.functional.linear(input, weight * _weightGain, bias * _biasGain);
        return (_activate ? StyleActivation.Apply(output) : output).MoveToOuterDisposeScope();
    }
}
