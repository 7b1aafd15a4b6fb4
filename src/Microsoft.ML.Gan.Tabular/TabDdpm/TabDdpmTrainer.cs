using System.Diagnostics;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// TabDDPM's training loop (as the reference trainer): passes over a seeded permutation of the rows in batches,
/// <see cref="TabDdpmLoss"/> (multinomial + Gaussian), AdamW with the learning rate annealed linearly to 0 over the
/// run. It honours the options' threads, device, seed, progress and cancellation, and skips steps with non-finite
/// losses or gradients with the engine's <see cref="GradientGuard"/>.
/// </summary>
internal static class TabDdpmTrainer
{
    private const int ReportEvery = 100;

    /// <summary>
    /// Trains a denoiser on the diffused parts of the encoded rows (<paramref name="rows"/> rows; <paramref name="batchOf"/>
    /// gives the parts and labels of the rows at the given indices, on the device) and returns it (on the device, eval
    /// mode) with a summary.
    /// </summary>
    public static (TabDdpmDenoiser Denoiser, TrainingSummary Summary) Train(TabDdpmOptions options, TabDdpmArchitecture architecture,
        DiffusionSchedule schedule, MultinomialDiffusion multinomial, long rows, Func<Tensor, (Tensor Numeric, Tensor Categorical, Tensor? Label)> batchOf,
        long steps, long seed, Device device, Action<string>? log)
    {
        TorchRuntime.SetThreads(options.Threads);
        TorchRuntime.Seed(seed);
        var denoiser = new TabDdpmDenoiser(architecture);
        denoiser.to(device);
        using var loss = new TabDdpmLoss(schedule, multinomial, architecture.Width - multinomial.FeatureWidth, device);
        var parameters = denoiser.parameters().ToList();
        using var optimizer = optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay);

        int batch = (int)Math.Min(options.BatchSize, rows);
        long batchesPerPass = Math.Max(1, rows / batch);
        var clock = Stopwatch.StartNew();
        var reports = new List<(double, double)>();
        double multinomialSum = 0, gaussianSum = 0;
        int counted = 0;
        long skipped = 0;
        Tensor? order = null;
        denoiser.train();
        try
        {
            for (long step = 0; step < steps; step++)
            {
                GanCancellation.ThrowIfCanceled(options.CancellationToken);
                if (step % batchesPerPass == 0)
                {
                    order?.Dispose();
                    order = randperm(rows, device: device);
                }
                foreach (var group in optimizer.ParamGroups)
                    group.LearningRate = options.LearningRate * (1 - (double)step / steps);
                // No collection mid-step: TorchSharp's temporary Scalars must outlive the native calls that read them.
                CollectionFreeStep.Run(() =>
                {
                    using var scope = NewDisposeScope();
                    var index = order!.narrow(0, step % batchesPerPass * batch, batch);
                    var (numeric, categorical, label) = batchOf(index);
                    var (multinomialLoss, gaussianLoss) = loss.Compute((x, t) => denoiser.Forward(x, t, label), numeric, categorical);
                    var total = multinomialLoss + gaussianLoss;
                    optimizer.zero_grad();
                    total.backward();
                    if (GradientGuard.Check(parameters, total.item<float>(), null))
                    {
                        optimizer.step();
                        multinomialSum += multinomialLoss.item<float>();
                        gaussianSum += gaussianLoss.item<float>();
                        counted++;
                    }
                    else
                    {
                        skipped++;
                    }
                });
                if ((step + 1) % ReportEvery == 0 || step + 1 == steps)
                {
                    double meanMultinomial = counted == 0 ? double.NaN : multinomialSum / counted;
                    double meanGaussian = counted == 0 ? double.NaN : gaussianSum / counted;
                    reports.Add((meanMultinomial, meanGaussian));
                    log?.Invoke($"Step {step + 1}/{steps}: multinomial loss {meanMultinomial:F4}, Gaussian loss {meanGaussian:F4}, skipped {skipped}.");
                    double seconds = clock.Elapsed.TotalSeconds;
                    options.Progress?.Report(new GanProgress(step + 1, steps, (step + 1) / (double)batchesPerPass, meanMultinomial, meanGaussian,
                        seconds > 0 ? (step + 1) * (double)batch / seconds : 0, skipped, clock.Elapsed));
                    multinomialSum = gaussianSum = 0;
                    counted = 0;
                }
            }
        }
        finally
        {
            order?.Dispose();
        }
        denoiser.eval();
        return (denoiser, new TrainingSummary(steps, skipped, reports, clock.Elapsed));
    }
}
