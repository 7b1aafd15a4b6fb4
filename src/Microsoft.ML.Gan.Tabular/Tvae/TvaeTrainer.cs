using System.Diagnostics;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Tabular.Ctgan;
using TorchSharp.Modules;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// TVAE's training loop (not adversarial, so not the GAN engine's): per epoch a seeded permutation of the rows in full
/// batches, the reparameterized latent code, <see cref="TvaeLoss"/> (plus the label's auxiliary loss, see
/// <see cref="TvaeLabel"/>), Adam, σ clamped to [0.01, 1] after each step. It
/// honours the options' threads, device, seed, progress, cancellation, and skips steps with non-finite gradients with
/// the engine's <see cref="GradientGuard"/>.
/// </summary>
internal static class TvaeTrainer
{
    /// <summary>Within an epoch longer than this many steps, progress is also reported every this many steps.</summary>
    private const long ReportEvery = 100;

    /// <summary>
    /// Trains on encoded rows (each batch's float rows built on the device) and returns the decoder (on the device) and
    /// a summary. With a label (built by <paramref name="createLabel"/> after seeding, as it trains its
    /// predictor), the decoder reads the label's one-hot and the predictor's loss joins the ELBO.
    /// </summary>
    public static (nn.Module<Tensor, Tensor> Decoder, TrainingSummary Summary) Train(TvaeOptions options, EncodedTable data,
        IReadOnlyList<OutputSpan> spans, CtganArchitecture architecture, long seed, Device device, Action<string>? log,
        Func<TvaeLabel>? createLabel = null)
    {
        TorchRuntime.SetThreads(options.Threads);
        TorchRuntime.Seed(seed);
        using var label = createLabel?.Invoke();
        int width = architecture.DataWidth;
        int latent = architecture.EmbeddingDimension;
        using var encoder = Mlp.Create(width, 2 * latent, new MlpOptions { HiddenLayers = options.EncoderLayers }).to(device);
        var decoder = CtganNetworks.CreateGenerator(architecture).to(device);
        using var loss = new TvaeLoss(spans, options.LossFactor, device);
        using var sigma = new Parameter(full([loss.ScalarCount], 0.1f, device: device));
        var parameters = encoder.parameters().Concat(decoder.parameters()).Append(sigma).ToList();
        using var optimizer = optim.Adam(parameters, options.LearningRate, weight_decay: options.WeightDecay);

        long rows = data.RowCount;
        int batch = (int)Math.Min(options.BatchSize, rows);
        long stepsPerEpoch = Math.Max(1, rows / batch);
        long totalSteps = options.TotalSteps(stepsPerEpoch);
        var clock = Stopwatch.StartNew();
        var epochLosses = new List<(double, double)>();
        long step = 0, skipped = 0;
        encoder.train();
        decoder.train();
        for (int epoch = 1; step < totalSteps; epoch++)
        {
            double lossSum = 0, klSum = 0;
            int counted = 0;
            using var order = randperm(rows, device: device);
            for (long s = 0; s < stepsPerEpoch && step < totalSteps; s++)
            {
                GanCancellation.ThrowIfCanceled(options.CancellationToken);
                // No collection mid-step: TorchSharp's temporary Scalars must outlive the native calls that read them.
                CollectionFreeStep.Run(() =>
                {
                    using var scope = NewDisposeScope();
                    var x = data.Gather(order.narrow(0, s * batch, batch), device);
                    var code = encoder.call(x);
                    var mean = code.narrow(1, 0, latent);
                    var logVariance = code.narrow(1, latent, latent);
                    var z = mean + randn_like(mean) * (0.5 * logVariance).exp();
                    var condition = label?.Condition(x);
                    var (value, kl) = loss.Compute(x, decoder.call(condition is null ? z : cat([z, condition], 1)), sigma, mean, logVariance);
                    if (label is not null)
                        value = value + options.LossFactor * label.Loss(decoder, randn_like(mean), condition);
                    optimizer.zero_grad();
                    value.backward();
                    double lossValue = value.item<float>();
                    if (GradientGuard.Check(parameters, lossValue, null))
                    {
                        optimizer.step();
                        using (no_grad())
                            sigma.clamp_(0.01, 1.0);
                        lossSum += lossValue;
                        klSum += kl.item<float>();
                        counted++;
                    }
                    else
                    {
                        skipped++;
                    }
                });
                step++;
                bool epochEnds = s + 1 == stepsPerEpoch || step == totalSteps;
                if (epochEnds || (s + 1) % ReportEvery == 0)
                    Report(options, step, totalSteps, stepsPerEpoch, (klSum, lossSum, counted), skipped, batch, clock);
                if (!epochEnds)
                    continue;
                double meanLoss = counted == 0 ? double.NaN : lossSum / counted;
                double meanKl = counted == 0 ? double.NaN : klSum / counted;
                epochLosses.Add((meanKl, meanLoss));
                log?.Invoke($"Epoch {epoch}: loss {meanLoss:F4}, KL {meanKl:F4}, skipped {skipped}.");
            }
        }
        decoder.eval();
        return (decoder, new TrainingSummary(step, skipped, epochLosses, clock.Elapsed));
    }

    /// <summary>Reports the epoch's mean losses so far.</summary>
    private static void Report(TvaeOptions options, long step, long totalSteps, long stepsPerEpoch, (double Kl, double Loss, int Count) sums,
        long skipped, int batch, Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        options.Progress?.Report(new GanProgress(step, totalSteps, (double)step / stepsPerEpoch,
            sums.Count == 0 ? double.NaN : sums.Kl / sums.Count, sums.Count == 0 ? double.NaN : sums.Loss / sums.Count,
            seconds > 0 ? step * (double)batch / seconds : 0, skipped, clock.Elapsed));
    }
}
