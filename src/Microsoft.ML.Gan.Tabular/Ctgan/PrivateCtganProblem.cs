using Microsoft.ML.Gan.Privacy;

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
/// <remarks>
/// <para>No coupling between pairs: the paired rows are generated with the generator in evaluation mode, so its batch
/// normalization reads running statistics instead of the batch's (which would mix every sampled row's condition into
/// every pair), and those running statistics are updated only by generator steps, which see no real row.</para>
/// <para>Secret randomness: the Poisson sample, each row's column choice, the paired rows' input and Gumbel noise and
/// the DP-SGD noise come from a generator of their own (seeded from the operating system's secure source in a fit, never
/// stored). The problem releases no loss: the discriminator's is an exact function of the sampled rows.</para>
/// </remarks>
internal sealed class PrivateCtganProblem : CtganProblem, IAdversarialProblem, IDiscriminatorGradients
{
    private readonly DpSgdGradients _dpSgd;
    private readonly RdpAccountant _accountant;
    private readonly long _publicRowCount;
    private readonly double _sampleRate;
    private readonly long _maxSteps;
    private readonly torch.Generator _secret;

    /// <param name="options">Training options (with privacy).</param>
    /// <param name="architecture">The generator's shape.</param>
    /// <param name="data">Encoded training rows.</param>
    /// <param name="sampler">Conditions (with each row's categories), or null without discrete columns.</param>
    /// <param name="activation">Span-wise activations.</param>
    /// <param name="device">Training device.</param>
    /// <param name="plan">σ, q, the public row count, the step limit and the accountant that records the steps.</param>
    /// <param name="secret">The mechanism's randomness, on <paramref name="device"/>; the problem owns it. A fit passes
    /// <see cref="CryptographicRandom.NewTorchGenerator"/>; tests pass a seeded one to compare neighbouring tables.</param>
    public PrivateCtganProblem(CtganOptions options, CtganArchitecture architecture, EncodedTable data, ConditionalSampler? sampler,
        SpanActivation activation, Device device, PrivateTrainingPlan plan, torch.Generator secret)
        : base(options, architecture, data, sampler, activation, device)
    {
        _secret = secret;
        _dpSgd = new DpSgdGradients(Critic, plan.MaxGradNorm, plan.NoiseMultiplier, secret);
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

    public bool IsDifferentiallyPrivate => true;

    /// <returns>NaN: the loss is an exact function of the sampled real rows and is not released.</returns>
    public double WriteDiscriminatorGradients(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (real, fake) = PairedCriticInputs();
        var realLogits = _dpSgd.Forward(real);
        var fakeLogits = _dpSgd.Forward(fake);
        long count = real.shape[0];
        var lossSum = count == 0
            ? realLogits.sum() + fakeLogits.sum()
            : objective.Adversarial(realLogits, fakeLogits) * count;
        _dpSgd.WriteGradients(lossSum, _sampleRate * _publicRowCount);
        _accountant.Step(_dpSgd.NoiseMultiplier, _sampleRate);
        DiscriminatorSteps++;
        return double.NaN;
    }

    /// <summary>
    /// One step's DP-SGD samples as critic inputs: row i of <c>Real</c> is a Poisson-sampled real row ⊕ its condition,
    /// row i of <c>Fake</c> a row generated for that condition. Row i of both depends on real row i alone.
    /// </summary>
    internal (Tensor Real, Tensor Fake) PairedCriticInputs()
    {
        var rows = (rand([Data.RowCount], device: Device, generator: _secret) < _sampleRate).nonzero().view(-1);
        int count = (int)rows.shape[0];
        var real = Data.Gather(rows, Device);
        var condition = Sampler is null
            ? empty(count, 0, device: Device)
            : Sampler.OneHot(Sampler.RowCategories.index_select(0, rows)
                .gather(1, randint(Sampler.RowCategories.shape[1], [count, 1], dtype: ScalarType.Int64, device: Device, generator: _secret))
                .view(-1).to_type(ScalarType.Int64));
        Tensor fake;
        using (no_grad())
        {
            if (count == 0)
            {
                fake = empty(0, Data.Width, device: Device);
            }
            else
            {
                Generator.eval();
                try
                {
                    fake = Activation.Activate(Generate(condition, count, _secret), Options.GumbelTemperature, _secret);
                }
                finally
                {
                    Generator.train();
                }
            }
        }
        return (cat([real, condition], 1), cat([fake, condition], 1));
    }

    public override void Dispose()
    {
        base.Dispose();
        _secret.Dispose();
    }
}
