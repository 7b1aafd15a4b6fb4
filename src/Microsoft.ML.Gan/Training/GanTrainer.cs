using System.Diagnostics;
using Microsoft.ML.Gan.Torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The one training loop of the library. A family supplies an <see cref="IAdversarialProblem"/>; the engine runs
/// n_critic discriminator updates per generator update with separate optimizers (TTUR), weight clipping, the
/// non-finite-gradient guard (skip and count), gradient-norm clipping, generator EMA, checkpoints with exact resume,
/// progress reports, logging and cancellation. Each step runs inside a TorchSharp dispose scope.
/// </summary>
internal sealed class GanTrainer
{
    /// <summary>Without a <see cref="GanTrainingOptions.ProgressInterval"/>, the most steps between reports (within a long epoch of a big table).</summary>
    private const long MaxReportInterval = 100;

    private readonly GanTrainingOptions _options;
    private readonly Action<string>? _log;

    /// <summary>Creates the engine; options are validated here.</summary>
    /// <param name="options">Training options.</param>
    /// <param name="log">Receives one line per epoch and checkpoint events (e.g. MLContext's log channel).</param>
    public GanTrainer(GanTrainingOptions options, Action<string>? log = null)
    {
        options.Validate();
        _options = options;
        _log = log;
    }

    /// <summary>
    /// Trains the problem's networks in place. Returns the generator to use (the EMA copy when enabled; the caller
    /// owns and disposes it in that case) and a summary.
    /// </summary>
    /// <param name="problem">The family's networks and losses.</param>
    /// <param name="seed">Seed used when not resuming (the options' seed resolved by the caller).</param>
    public (nn.Module Generator, TrainingSummary Summary) Train(IAdversarialProblem problem, long seed)
    {
        TorchRuntime.SetThreads(_options.Threads);
        var generator = problem.Generator;
        var discriminator = problem.Discriminator;
        var generatorParameters = generator.parameters().ToList();
        var discriminatorParameters = discriminator.parameters().ToList();
        using var generatorOptimizer = CreateOptimizer(generatorParameters, _options.GeneratorLearningRate,
            _options.GeneratorBeta1, _options.GeneratorBeta2);
        using var discriminatorOptimizer = CreateOptimizer(discriminatorParameters, _options.DiscriminatorLearningRate,
            _options.DiscriminatorBeta1, _options.DiscriminatorBeta2);
        var ema = _options.GeneratorEmaDecay is double decay
            ? new GeneratorEma(generator, problem.CreateGeneratorReplica(), decay)
            : null;

        var state = new TrainingCheckpoint.State(0, 0, new List<(double, double)>());
        if (_options.ResumeFromCheckpoint && File.Exists(_options.CheckpointPath))
        {
            state = TrainingCheckpoint.Read(_options.CheckpointPath!, generator, discriminator, ema?.Average,
                generatorOptimizer, discriminatorOptimizer);
            _log?.Invoke($"Resumed from '{_options.CheckpointPath}' at step {state.Step}.");
        }
        else
        {
            TorchRuntime.Seed(seed);
        }

        long stepsPerEpoch = _options.StepsPerEpoch(problem.RowCount);
        long totalSteps = _options.TotalSteps(problem.RowCount);
        long reportEvery = _options.ProgressInterval > 0 ? _options.ProgressInterval : Math.Min(stepsPerEpoch, MaxReportInterval);
        var objective = new AdversarialObjective(_options);
        var clock = Stopwatch.StartNew();
        var window = new LossWindow();
        var epochWindow = new LossWindow();
        long skipped = state.SkippedSteps;
        long step = state.Step;
        bool isPrivate = problem.IsDifferentiallyPrivate;
        generator.train();
        discriminator.train();

        while (step < totalSteps && !problem.IsExhausted)
        {
            GanCancellation.ThrowIfCanceled(_options.CancellationToken);
            double rateScale = LearningRateScale(step, totalSteps);
            SetLearningRate(generatorOptimizer, _options.GeneratorLearningRate * rateScale);
            SetLearningRate(discriminatorOptimizer, _options.DiscriminatorLearningRate * rateScale);
            // No collection mid-step: TorchSharp's temporary Scalars must outlive the native calls that read them.
            CollectionFreeStep.Run(() =>
            {
                using var scope = NewDisposeScope();
                SetRequiresGrad(discriminatorParameters, true);
                for (int c = 0; c < _options.CriticSteps; c++)
                {
                    objective.DiscriminatorStep = step * _options.CriticSteps + c;
                    discriminatorOptimizer.zero_grad();
                    double dValue = DiscriminatorGradients(problem, objective);
                    // Under DP the loss is an exact function of the real batch: the guard reads the noisy gradient only.
                    if (GradientGuard.Check(discriminatorParameters, isPrivate ? 0 : dValue, _options.GradientClipNorm))
                    {
                        discriminatorOptimizer.step();
                        ClipWeights(discriminatorParameters);
                        if (!isPrivate)
                        {
                            window.AddDiscriminator(dValue);
                            epochWindow.AddDiscriminator(dValue);
                        }
                    }
                    else
                    {
                        skipped++;
                    }
                }

                // D's weights need no gradients while G learns through it.
                SetRequiresGrad(discriminatorParameters, false);
                generatorOptimizer.zero_grad();
                var gLoss = problem.GeneratorLoss(objective, _options.BatchSize);
                gLoss.backward();
                double gValue = gLoss.item<float>();
                if (GradientGuard.Check(generatorParameters, gValue, _options.GradientClipNorm))
                {
                    generatorOptimizer.step();
                    ema?.Update(generator, step);
                    window.AddGenerator(gValue);
                    epochWindow.AddGenerator(gValue);
                }
                else
                {
                    skipped++;
                }
            });
            step++;

            if (step % stepsPerEpoch == 0)
            {
                state.EpochLosses.Add(epochWindow.Means());
                var (d, g) = epochWindow.Means();
                _log?.Invoke(isPrivate
                    ? $"Epoch {step / stepsPerEpoch}: D loss not released (differential privacy), G loss {g:F4}, skipped {skipped}."
                    : $"Epoch {step / stepsPerEpoch}: D loss {d:F4}, G loss {g:F4}, skipped {skipped}.");
                epochWindow = new LossWindow();
            }
            if (step % reportEvery == 0 || step == totalSteps || problem.IsExhausted)
            {
                var (d, g) = window.Means();
                double seconds = window.Elapsed.TotalSeconds;
                _options.Progress?.Report(new GanProgress(step, totalSteps, (double)step / stepsPerEpoch, d, g,
                    seconds > 0 ? window.Steps * (double)_options.BatchSize * Math.Max(1, _options.CriticSteps) / seconds : 0,
                    skipped, clock.Elapsed));
                window = new LossWindow();
            }
            if (_options.CheckpointPath is not null && _options.CheckpointInterval > 0 && step % _options.CheckpointInterval == 0)
                WriteCheckpoint(step, skipped, state, generator, discriminator, ema, generatorOptimizer, discriminatorOptimizer, isPrivate);
        }

        if (_options.CheckpointPath is not null)
            WriteCheckpoint(step, skipped, state, generator, discriminator, ema, generatorOptimizer, discriminatorOptimizer, isPrivate);
        SetRequiresGrad(discriminatorParameters, true);
        ema?.RecomputeNormStatistics(problem, objective, _options.BatchSize);
        generator.eval();
        discriminator.eval();
        var summary = new TrainingSummary(step, skipped, state.EpochLosses, clock.Elapsed);
        return (ema?.Average ?? generator, summary);
    }

    /// <summary>Fills the discriminator's gradients for one step (by the problem itself when it can) and returns the loss.</summary>
    private double DiscriminatorGradients(IAdversarialProblem problem, AdversarialObjective objective)
    {
        if (problem is IDiscriminatorGradients custom)
            return custom.WriteDiscriminatorGradients(objective, _options.BatchSize);
        var loss = problem.DiscriminatorLoss(objective, _options.BatchSize);
        loss.backward();
        return loss.item<float>();
    }

    private void WriteCheckpoint(long step, long skipped, TrainingCheckpoint.State state, nn.Module generator,
        nn.Module discriminator, GeneratorEma? ema, OptimizerHelper generatorOptimizer, OptimizerHelper discriminatorOptimizer,
        bool isPrivate)
    {
        TrainingCheckpoint.Write(_options.CheckpointPath!, state with { Step = step, SkippedSteps = skipped },
            generator, discriminator, ema?.Average, generatorOptimizer, discriminatorOptimizer, randomState: !isPrivate);
        _log?.Invoke($"Checkpoint written to '{_options.CheckpointPath}' at step {step}.");
    }

    private OptimizerHelper CreateOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2) =>
        _options.Optimizer switch
        {
            OptimizerKind.Adam => optim.Adam(parameters, learningRate, beta1, beta2, weight_decay: _options.WeightDecay),
            OptimizerKind.RmsProp => optim.RMSProp(parameters, learningRate, weight_decay: _options.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(GanTrainingOptions.Optimizer), _options.Optimizer, "Unknown optimizer."),
        };

    /// <summary>1 until the decay start, then linearly down to 0 at the last step.</summary>
    private double LearningRateScale(long step, long totalSteps)
    {
        long decayStart = (long)Math.Floor(_options.LearningRateDecayStart * totalSteps);
        return step < decayStart ? 1.0 : (double)(totalSteps - step) / (totalSteps - decayStart);
    }

    private static void SetLearningRate(OptimizerHelper optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = rate;
    }

    private void ClipWeights(IEnumerable<Parameter> parameters)
    {
        if (_options.WeightClip is not double clip)
            return;
        using (no_grad())
        {
            foreach (var parameter in parameters)
                parameter.clamp_(-clip, clip);
        }
    }

    private static void SetRequiresGrad(IEnumerable<Parameter> parameters, bool value)
    {
        foreach (var parameter in parameters)
            parameter.requires_grad = value;
    }

    /// <summary>Running means of the losses over a window of steps, with its duration.</summary>
    private sealed class LossWindow
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _discriminator;
        private double _generator;
        private long _discriminatorCount;

        public long Steps { get; private set; }

        public TimeSpan Elapsed => _clock.Elapsed;

        public void AddDiscriminator(double value)
        {
            _discriminator += value;
            _discriminatorCount++;
        }

        public void AddGenerator(double value)
        {
            _generator += value;
            Steps++;
        }

        public (double Discriminator, double Generator) Means() =>
            (_discriminatorCount == 0 ? double.NaN : _discriminator / _discriminatorCount,
             Steps == 0 ? double.NaN : _generator / Steps);
    }
}
