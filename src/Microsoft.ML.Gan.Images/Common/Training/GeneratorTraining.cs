namespace Microsoft.ML.Gan.Images.Training;

/// <summary>
/// The steps every generating family (DCGAN-like, StyleGAN, text-to-image) shares around its own problem: torch threads
/// and seed, the training grids, the engine run and keeping the fitted generator's weights.
/// </summary>
internal static class GeneratorTraining
{
    /// <summary>Sets torch's threads and seeds its generators, before the networks are built.</summary>
    public static void PrepareTorch(GanTrainingOptions options, int seed)
    {
        TorchRuntime.SetThreads(options.Threads);
        TorchRuntime.Seed(seed);
    }

    /// <summary>
    /// Trains <paramref name="problem"/> (writing grids of <paramref name="preview"/> when the options ask for them) and
    /// returns the fitted generator's weights in <paramref name="fresh"/>, on the context's device.
    /// </summary>
    /// <param name="options">The family's options.</param>
    /// <param name="context">Seed, device and log of the fit.</param>
    /// <param name="problem">The adversarial problem.</param>
    /// <param name="liveNetwork">The problem's generator network (the grid switches it to eval mode and back).</param>
    /// <param name="preview">Wraps the live network as a generator with pixels in [0, 1], for the grids.</param>
    /// <param name="fresh">A new generator network of the same layout, which receives the fitted weights.</param>
    public static (TNetwork Network, TrainingSummary Summary) Train<TOptions, TNetwork>(TOptions options, ImageFitContext context,
        IAdversarialProblem problem, torch.nn.Module liveNetwork, Func<ImageGenerator> preview, TNetwork fresh)
        where TOptions : ImageColumnOptions
        where TNetwork : torch.nn.Module
    {
        var withGrids = options.SampleGridPath is null ? options
            : options.WithProgress<TOptions>(new SampleGridProgress(options, liveNetwork, preview, context.Seed));
        var (trained, summary) = new GanTrainer(withGrids, context.Log).Train(problem, context.Seed);
        // Keep the fitted generator: the EMA copy is already separate, otherwise copy the weights out of the problem.
        var network = FittedGenerator.Keep(trained, problem.Generator, fresh);
        return (network.to(context.Device), summary);
    }
}
