namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>
/// Evaluates generated images against a real test set with a domain classifier trained once on real training images
/// (reuse one evaluator to compare models: they then share the feature space). See <see cref="ImageGanEvaluation"/>.
/// </summary>
public sealed class ImageGanEvaluator : IDisposable
{
    private readonly ImageSet _realTest;
    private readonly DomainClassifierOptions _options;
    private readonly Tensor _realFeatures;

    /// <summary>Trains the domain classifier on <paramref name="realTrain"/> and measures it on <paramref name="realTest"/>.</summary>
    /// <param name="realTrain">Labelled real images to train the classifier on.</param>
    /// <param name="realTest">Labelled real images the generated ones are compared with (and CAS is tested on).</param>
    /// <param name="options">Classifier training options (also used for the CAS classifier).</param>
    /// <exception cref="ArgumentException">A set is unlabelled, or the sets differ in shape or class count.</exception>
    public ImageGanEvaluator(ImageSet realTrain, ImageSet realTest, DomainClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(realTrain);
        ArgumentNullException.ThrowIfNull(realTest);
        if (realTest.Labels is null)
            throw new ArgumentException("The real test set must be labelled.", nameof(realTest));
        if (realTest.Shape != realTrain.Shape || realTest.ClassCount != realTrain.ClassCount)
            throw new ArgumentException($"Train ({realTrain.Shape}, {realTrain.ClassCount} classes) and test ({realTest.Shape}, {realTest.ClassCount} classes) sets differ.", nameof(realTest));
        _options = options ?? new DomainClassifierOptions();
        _realTest = realTest;
        Classifier = DomainClassifier.Train(realTrain, _options);
        ClassifierAccuracy = Classifier.Accuracy(realTest);
        _realFeatures = Classifier.FeatureTensor(realTest);
    }

    /// <summary>The domain classifier trained on real images.</summary>
    public DomainClassifier Classifier { get; }

    /// <summary>Its accuracy on the real test set.</summary>
    public double ClassifierAccuracy { get; }

    /// <summary>Evaluates a set of generated images (labelled ones also get CAS and label accuracy).</summary>
    /// <exception cref="ArgumentException">The images have another shape or class count than the real ones, or are fewer than 4.</exception>
    public ImageGanEvaluation Evaluate(ImageSet generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        if (generated.Shape != _realTest.Shape)
            throw new ArgumentException($"Generated images are {generated.Shape}; the real ones are {_realTest.Shape}.", nameof(generated));
        if (generated.Count < 4)
            throw new ArgumentException("Evaluate at least 4 generated images.", nameof(generated));
        using var features = Classifier.FeatureTensor(generated);
        double frechet = FeatureStatistics.FrechetDistance(features, _realFeatures);
        var (kid, kidStd) = FeatureStatistics.KernelDistance(features, _realFeatures, seed: _options.Seed);
        var (precision, recall) = FeatureStatistics.PrecisionRecall(_realFeatures, features);
        double? labelAccuracy = null, cas = null;
        if (generated.Labels is not null)
        {
            labelAccuracy = Classifier.Accuracy(generated);
            using var trainedOnGenerated = DomainClassifier.Train(generated, _options);
            cas = trainedOnGenerated.Accuracy(_realTest);
        }
        return new ImageGanEvaluation(frechet, kid, kidStd, precision, recall, ClassifierAccuracy, labelAccuracy, cas, generated.Count, _realTest.Count);
    }

    /// <summary>Evaluates <paramref name="count"/> images of a fitted model (stream images: class p mod K when conditional).</summary>
    public ImageGanEvaluation Evaluate(ImageGanTransformer model, int count, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate(model.GenerateSet(count, null, seed));
    }

    /// <summary>Evaluates <paramref name="count"/> stream images of a fitted StyleGAN.</summary>
    public ImageGanEvaluation Evaluate(StyleGan.StyleGanTransformer model, int count, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate(model.GenerateSet(count, seed));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Classifier.Dispose();
        _realFeatures.Dispose();
    }
}
