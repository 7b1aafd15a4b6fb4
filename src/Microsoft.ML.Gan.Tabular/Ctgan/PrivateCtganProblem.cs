using Microsoft.ML.Gan.Privacy;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// CTGAN with DP-SGD on the discriminator, the only network that reads real rows. Each step draws a Poisson sample of
/// the rows (each with probability q); every sampled row gets a conditional vector from its own category in a
/// uniformly chosen discrete column (a function of that row alone) and is paired with a generated row for the same
/// condition. The pair is one DP-SGD sample: its gradient is clipped to C, the clipped gradients are summed, Gaussian
/// noise σ·C is added and the sum is divided by qn (<see cref="DpSgdGradients"/>). Every step is composed into the
/// accountant; the problem is exhausted when one more generator step's critic steps would exceed the budget. The
/// generator step reads no real row (its conditions come from the DP category frequencies of the transformer).
/// </summary>
internal sealed class PrivateCtganProblem : CtganProblem, IAdversarialProblem, IDiscriminatorGradients
{
    private readonly DpSgdGradients _dpSgd;
    private readonly RdpAccountant _accountant;
    private readonly long _publicRowCount;
    private readonly double _sampleRate;
    private readonly long _maxSteps;

    /// <param name="options">Training options (with privacy).</param>
    /// <param name="architecture">The generator's shape.</param>
    /// <param name="data">Encoded training rows; the problem owns it.</param>
    /// <param name="sampler">Conditions (with each row's categories), or null without discrete columns.</param>
    /// <param name="activation">Span-wise activations.</param>
    /// <param name="device">Training device.</param>
    /// <param name="plan">σ, q, the public row count, the step limit and the accountant that records the steps.</param>
    public PrivateCtganProblem(CtganOptions options, CtganArchitecture architecture, Tensor data, ConditionalSampler? sampler,
        SpanActivation activation, Device device, PrivateTrainingPlan plan)
        : base(options, architecture, data, sampler, activation, device)
    {
        _dpSgd = new DpSgdGradients(Critic, plan.MaxGradNorm, plan.NoiseMultiplier);
        _accountant = plan.Accountant;
        _publicRowCount = plan.PublicRowCount;
        _sampleRate = plan.SampleRate;
        _maxSteps = plan.MaxDiscriminatorSteps;
    }

    /// <summary>DP-SGD steps taken.</summary>
    public long DiscriminatorSteps { get; private set; }

    /// <summary>The public row count (epochs are counted in it, so the number of steps does not depend on the data).</summary>
    public override long RowCount => _publicRowCount;

    public bool IsExhausted => DiscriminatorSteps + Options.CriticSteps > _maxSteps;

    public double WriteDiscriminatorGradients(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var rows = (rand(Data.shape[0], device: Device) < _sampleRate).nonzero().view(-1);
        int count = (int)rows.shape[0];
        var real = Data.index_select(0, rows);
        var condition = Sampler is null
            ? empty(count, 0, device: Device)
            : Sampler.OneHot(Sampler.RowCategories.index_select(0, rows)
                .gather(1, randint(Sampler.RowCategories.shape[1], [count, 1], dtype: ScalarType.Int64, device: Device)).view(-1));
        Tensor fake;
        using (no_grad())
            fake = GeneratePaired(condition, count);
        var realLogits = _dpSgd.Forward(cat([real, condition], 1));
        var fakeLogits = _dpSgd.Forward(cat([fake, condition], 1));
        var lossSum = count == 0
            ? realLogits.sum() + fakeLogits.sum()
            : objective.Adversarial(realLogits, fakeLogits) * count;
        double value = count == 0 ? 0 : lossSum.item<float>() / count;
        _dpSgd.WriteGradients(lossSum, _sampleRate * _publicRowCount);
        _accountant.Step(_dpSgd.NoiseMultiplier, _sampleRate);
        DiscriminatorSteps++;
        return value;
    }

    /// <summary>Generated rows for the conditions; batch normalization needs two rows, so a tiny sample borrows conditions.</summary>
    private Tensor GeneratePaired(Tensor condition, int count)
    {
        if (count >= 2)
            return Activation.Activate(Generate(condition, count), Options.GumbelTemperature);
        var padded = Sampler is null ? empty(2, 0, device: Device) : Sampler.OneHot(Sampler.SampleConditions(2).Category);
        return Activation.Activate(Generate(padded, 2), Options.GumbelTemperature).narrow(0, 0, count);
    }
}
