using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Networks.Translation;
using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Gan.Images.Training.Translation;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Reads each family's training images and runs its problem through the shared engine; returns copies of the fitted
/// generator (and CycleGAN's reverse generator) and the training summary.
/// </summary>
internal static class TranslationTraining
{
    public sealed record Result(nn.Module<Tensor, Tensor> Network, nn.Module<Tensor, Tensor>? Reverse, TrainingSummary Summary);

    public static Result Pix2Pix(Pix2PixOptions options, IDataView data, int seed, Device device, Action<string> log)
    {
        var targets = ImageColumnReader.Read(data, options.TargetRequest);
        var inputs = options.InputFromTargetGrayscale ? Grayscale(targets) : ImageColumnReader.Read(data, options.InputRequest);
        if (inputs.Count != targets.Count)
            throw new ArgumentException($"Columns '{options.InputColumnName}' and '{options.TargetColumnName}' have {inputs.Count} and {targets.Count} images; pix2pix needs pairs.", nameof(data));
        options.RequireBatchWithin(targets.Count, "images");
        var spec = options.NetworkSpec();
        GeneratorTraining.PrepareTorch(options, seed);
        using var a = ImageTensors.Pixels(inputs).to(device);
        using var b = ImageTensors.Pixels(targets).to(device);
        using var problem = new Pix2PixProblem(spec, a, b, options.L1Weight, device);
        var phase = options.WithGrids(options, inner => Grid(options, inner, (nn.Module<Tensor, Tensor>)problem.Generator, inputs, targets, device));
        var (trained, summary) = new GanTrainer(phase, log).Train(problem, seed);
        return new Result(Keep(trained, problem.Generator, spec.CreateGenerator(), device), null, summary);
    }

    public static Result CycleGan(CycleGanOptions options, IDataView domainA, IDataView domainB, int seed, Device device, Action<string> log)
    {
        var a = ImageColumnReader.Read(domainA, options.InputRequest);
        var b = ImageColumnReader.Read(domainB, options.TargetRequest);
        options.RequireBatchWithin(Math.Min(a.Count, b.Count), "images");
        var spec = options.NetworkSpec();
        GeneratorTraining.PrepareTorch(options, seed);
        using var tensorA = ImageTensors.Pixels(a).to(device);
        using var tensorB = ImageTensors.Pixels(b).to(device);
        using var problem = new CycleGanProblem(spec, tensorA, tensorB, options.CycleWeight, options.IdentityWeight, options.PoolSize, device);
        // Unpaired: the grid's third column shows the first domain-B images, not targets of the inputs.
        var phase = options.WithGrids(options, inner => Grid(options, inner, problem.GeneratorNetwork.First, a, b, device));
        var (trained, summary) = new GanTrainer(phase, log).Train(problem, seed);
        var pair = (NetworkPair)trained;
        var forward = Copy(pair.First, spec.CreateGenerator(), device);
        var reverse = Copy(pair.Second, spec.Reversed().CreateGenerator(), device);
        if (!ReferenceEquals(trained, problem.Generator))
            trained.Dispose();
        return new Result(forward, reverse, summary);
    }

    public static Result SuperResolution(SuperResolutionOptions options, IDataView data, int seed, Device device, Action<string> log)
    {
        var images = ImageColumnReader.Read(data, options.TargetRequest);
        options.RequireBatchWithin(images.Count, "images");
        var spec = options.NetworkSpec();
        GeneratorTraining.PrepareTorch(options, seed);
        using var highRes = ImageTensors.Pixels(images).to(device);
        var content = ContentFeatures(options);
        using var problem = new SuperResolutionProblem(spec, highRes, options.CropSize, options.Downsampling, content, options.AdversarialWeight, device);
        var steps = new List<TrainingSummary>();
        var gridTargets = images.Take(TranslationGridProgress.Rows);
        var gridInputs = ImageResampling.Downsample(gridTargets, options.Scale, options.Downsampling);
        GanTrainingOptions WithGrids(GanTrainingOptions phase) =>
            options.WithGrids(phase, inner => Grid(options, inner, (nn.Module<Tensor, Tensor>)problem.Generator, gridInputs, gridTargets, device));
        // A checkpoint belongs to the adversarial phase: resuming from one skips pre-training.
        bool resuming = options.Adversarial && options.ResumeFromCheckpoint && File.Exists(options.CheckpointPath);
        if (options.PretrainingSteps > 0 && !resuming)
        {
            var pretraining = options.PhaseOptions();
            pretraining.CriticSteps = 0;
            pretraining.MaxSteps = options.PretrainingSteps;
            pretraining.GeneratorEmaDecay = null;
            pretraining.CheckpointPath = null;
            pretraining.ResumeFromCheckpoint = false;
            var (_, summary) = new GanTrainer(WithGrids(pretraining), log).Train(problem, seed);
            steps.Add(summary);
        }
        nn.Module trained = problem.Generator;
        if (options.Adversarial)
        {
            problem.Pretraining = false;
            var (adversarial, summary) = new GanTrainer(WithGrids(options), log).Train(problem, seed + 1);
            trained = adversarial;
            steps.Add(summary);
        }
        var total = steps.Count == 1 ? steps[0] : new TrainingSummary(steps.Sum(s => s.Steps), steps.Sum(s => s.SkippedSteps),
            steps.SelectMany(s => s.EpochLosses).ToList(), TimeSpan.FromTicks(steps.Sum(s => s.Elapsed.Ticks)));
        return new Result(Keep(trained, problem.Generator, spec.CreateGenerator(), device), null, total);
    }

    /// <summary>A grayscale (BT.601 luma) copy of an RGB set.</summary>
    public static ImageSet Grayscale(ImageSet rgb)
    {
        var shape = rgb.Shape;
        int plane = shape.Height * shape.Width;
        var gray = new float[rgb.Count * plane];
        for (int i = 0; i < rgb.Count; i++)
        {
            int source = i * shape.Length;
            for (int p = 0; p < plane; p++)
                gray[i * plane + p] = 0.299f * rgb.Pixels[source + p] + 0.587f * rgb.Pixels[source + plane + p] + 0.114f * rgb.Pixels[source + 2 * plane + p];
        }
        return new ImageSet(shape with { Channels = 1 }, gray);
    }

    private static Func<Tensor, Tensor>? ContentFeatures(SuperResolutionOptions options)
    {
        if (options.ContentClassifier is { } classifier)
            return classifier.FrozenFeatures();
        if (options.ContentNetwork is not { } network)
            return null;
        foreach (var parameter in network.parameters())
            parameter.requires_grad = false;
        network.eval();
        return network.call;
    }

    private static IProgress<GanProgress> Grid(ImageTranslationOptions options, IProgress<GanProgress>? inner, nn.Module<Tensor, Tensor> network,
        ImageSet inputs, ImageSet targets, Device device) =>
        new TranslationGridProgress(inner, options.SampleGridPath!, network, inputs, targets, options.OutputShape, device);

    /// <summary>Copies the trained weights into a fresh network owned by the fitted model; disposes an EMA copy.</summary>
    private static nn.Module<Tensor, Tensor> Keep(nn.Module trained, nn.Module problemGenerator, nn.Module<Tensor, Tensor> fresh, Device device)
    {
        var kept = Copy(trained, fresh, device);
        if (!ReferenceEquals(trained, problemGenerator))
            trained.Dispose();
        return kept;
    }

    private static nn.Module<Tensor, Tensor> Copy(nn.Module source, nn.Module<Tensor, Tensor> fresh, Device device)
    {
        ModuleBytes.Load(fresh, ModuleBytes.Save(source));
        return fresh.to(device);
    }
}
