namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>
/// A small LeNet-like classifier trained in-library on labelled images of one domain (e.g. Fashion-MNIST). Its
/// penultimate activations are the features of the domain Fréchet distance, KID and precision/recall, and training
/// it on generated images gives the classification accuracy score (CAS). Runs on the CPU.
/// </summary>
public sealed class DomainClassifier : IDisposable
{
    private const int EvaluationBatch = 500;
    private readonly LeNet _network;

    private DomainClassifier(LeNet network, ImageShape shape, int classCount, int featureDimension)
    {
        _network = network;
        Shape = shape;
        ClassCount = classCount;
        FeatureDimension = featureDimension;
    }

    /// <summary>The image shape it reads.</summary>
    public ImageShape Shape { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Width of the feature vectors.</summary>
    public int FeatureDimension { get; }

    /// <summary>Trains a classifier on a labelled set with Adam and cross-entropy.</summary>
    /// <exception cref="ArgumentException">The set has no labels or fewer than 2 classes, or its images are smaller than 4×4.</exception>
    public static DomainClassifier Train(ImageSet images, DomainClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        options ??= new DomainClassifierOptions();
        options.Validate();
        if (images.Labels is null || images.ClassCount < 2)
            throw new ArgumentException("The domain classifier trains on labelled images of at least 2 classes.", nameof(images));
        if (images.Shape.Height < 4 || images.Shape.Width < 4)
            throw new ArgumentException($"Images of {images.Shape} are too small for the domain classifier (at least 4×4).", nameof(images));
        TorchRuntime.SetThreads(options.Threads);
        TorchRuntime.Seed(options.Seed);
        var network = new LeNet(images.Shape, options.FeatureDimension, images.ClassCount);
        using var data = ImageTensors.Pixels(images);
        using var labels = ImageTensors.Labels(images);
        using var optimizer = optim.Adam(network.parameters(), options.LearningRate);
        network.train();
        long steps = Math.Max(1, images.Count / options.BatchSize) * options.Epochs;
        for (long step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var rows = randint(images.Count, options.BatchSize, dtype: ScalarType.Int64);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(network.call(data.index_select(0, rows)), labels.index_select(0, rows));
            loss.backward();
            optimizer.step();
        }
        network.eval();
        return new DomainClassifier(network, images.Shape, images.ClassCount, options.FeatureDimension);
    }

    /// <summary>Fraction of <paramref name="images"/> whose predicted class is their label.</summary>
    public double Accuracy(ImageSet images)
    {
        var labels = Check(images).Labels ?? throw new ArgumentException("Accuracy needs labelled images.", nameof(images));
        var predicted = Predict(images);
        return predicted.Where((p, i) => p == labels[i]).Count() / (double)labels.Length;
    }

    /// <summary>The predicted class of every image.</summary>
    public int[] Predict(ImageSet images)
    {
        Check(images);
        var result = new int[images.Count];
        ForEachBatch(images, (start, batch) =>
        {
            using var predicted = _network.call(batch).argmax(1).to(ScalarType.Int32);
            predicted.data<int>().CopyTo(result.AsSpan(start));
        });
        return result;
    }

    /// <summary>Penultimate-layer features, [Count, FeatureDimension], float64 on the CPU (caller disposes).</summary>
    internal Tensor FeatureTensor(ImageSet images)
    {
        Check(images);
        var parts = new List<Tensor>();
        ForEachBatch(images, (_, batch) => parts.Add(_network.Features(batch).to(ScalarType.Float64).MoveToOuterDisposeScope()));
        var features = cat(parts, 0);
        foreach (var part in parts)
            part.Dispose();
        return features;
    }

    /// <summary>
    /// The penultimate features as a differentiable function of [N, C, H, W] images in [−1, 1] (e.g. SRGAN's content
    /// loss). The classifier's weights stop requiring gradients: it is trained once and only read afterwards.
    /// </summary>
    internal Func<Tensor, Tensor> FrozenFeatures()
    {
        foreach (var parameter in _network.parameters())
            parameter.requires_grad = false;
        return _network.Features;
    }

    private void ForEachBatch(ImageSet images, Action<int, Tensor> action)
    {
        using var noGrad = no_grad();
        using var data = ImageTensors.Pixels(images);
        for (int start = 0; start < images.Count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            action(start, data.narrow(0, start, Math.Min(EvaluationBatch, images.Count - start)));
        }
    }

    private ImageSet Check(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Shape != Shape)
            throw new ArgumentException($"The classifier reads {Shape} images, not {images.Shape}.", nameof(images));
        if (images.Labels is not null && images.ClassCount != ClassCount)
            throw new ArgumentException($"The classifier knows {ClassCount} classes; the set has {images.ClassCount}.", nameof(images));
        return images;
    }

    /// <inheritdoc />
    public void Dispose() => _network.Dispose();
}
