namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>
/// Quality of generated images measured with a <see cref="DomainClassifier"/>. The distances use that classifier's
/// penultimate features, so they are domain-feature distances — comparable between models evaluated with the same
/// classifier, but not the Inception-network FID/KID reported in papers.
/// </summary>
/// <param name="FrechetDistance">Fréchet distance between generated and real test features (lower is better).</param>
/// <param name="KernelDistance">KID: unbiased polynomial-kernel MMD² on the same features (lower is better).</param>
/// <param name="KernelDistanceStandardDeviation">Standard deviation of KID over its subsets.</param>
/// <param name="Precision">Fraction of generated images inside the real feature manifold (k = 3 nearest neighbours).</param>
/// <param name="Recall">Fraction of real images inside the generated feature manifold.</param>
/// <param name="ClassifierAccuracy">Accuracy of the domain classifier (trained on real images) on the real test set.</param>
/// <param name="GeneratedLabelAccuracy">For labelled generated images: how often the domain classifier recognizes the
/// asked class (null otherwise).</param>
/// <param name="ClassificationAccuracyScore">CAS (Ravuri &amp; Vinyals 2019): accuracy on the real test set of a classifier
/// trained only on the generated labelled images (null for unlabelled ones).</param>
/// <param name="GeneratedCount">Generated images evaluated.</param>
/// <param name="RealCount">Real test images compared against.</param>
public sealed record ImageGanEvaluation(
    double FrechetDistance,
    double KernelDistance,
    double KernelDistanceStandardDeviation,
    double Precision,
    double Recall,
    double ClassifierAccuracy,
    double? GeneratedLabelAccuracy,
    double? ClassificationAccuracyScore,
    int GeneratedCount,
    int RealCount)
{
    /// <summary>CAS relative to the accuracy of the same classifier trained on real images (null without CAS).</summary>
    public double? RelativeClassificationAccuracyScore => ClassificationAccuracyScore / ClassifierAccuracy;
}
