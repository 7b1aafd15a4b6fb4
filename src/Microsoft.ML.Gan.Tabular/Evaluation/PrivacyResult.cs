namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// Privacy checks. Distances are Gower-style, in [0, 1]: the mean over columns of |a − b| / (real range), capped at 1,
/// for continuous columns (missing vs present = 1, both missing = 0) and of 0/1 mismatch for categories.
/// DCR is a row's distance to its closest real training row. Synthetic rows should be no closer to the training rows
/// than real holdout rows are.
/// </summary>
public sealed class PrivacyResult
{
    /// <summary>Real training rows the distances are measured to (all of them).</summary>
    public required int TrainingRows { get; init; }

    /// <summary>Synthetic rows whose DCR was computed (a random subsample of at most <see cref="TabularEvaluationOptions.PrivacySampleSize"/>).</summary>
    public required int SyntheticSampleRows { get; init; }

    /// <summary>Holdout rows whose DCR was computed (the baseline; same cap).</summary>
    public required int HoldoutSampleRows { get; init; }

    /// <summary>DCR of the sampled synthetic rows.</summary>
    public required DistanceSummary SyntheticDcr { get; init; }

    /// <summary>DCR of the sampled real holdout rows (the baseline).</summary>
    public required DistanceSummary HoldoutDcr { get; init; }

    /// <summary>
    /// Share of sampled synthetic rows whose DCR is below the holdout's 5th percentile. About 0.05 when synthetic rows
    /// are as far from the training rows as unseen real rows; much more hints at memorization.
    /// </summary>
    public required double SyntheticShareBelowHoldoutPercentile5 { get; init; }

    /// <summary>Share of all synthetic rows equal in every column to some real training row.</summary>
    public required double ExactCopyRate { get; init; }

    /// <summary>The same share for the real holdout rows (the baseline: duplicates that occur naturally).</summary>
    public required double HoldoutExactCopyRate { get; init; }

    /// <summary>The rarity threshold k: categories seen fewer than k times in the real training rows are rare.</summary>
    public required int RareCategoryThreshold { get; init; }

    /// <summary>Share of synthetic rows carrying at least one rare category.</summary>
    public required double RareCategoryExposureRate { get; init; }

    /// <summary>Each rare category that appears in the synthetic rows.</summary>
    public required IReadOnlyList<RareCategoryExposure> ExposedCategories { get; init; }

    /// <summary>
    /// The distance-based membership-inference attack (training rows vs holdout rows), or null when no
    /// <see cref="TabularEvaluationOptions.RealHoldout"/> was given: rows split off the real data may have been trained
    /// on, so they are no non-members.
    /// </summary>
    public MembershipInferenceResult? MembershipInference { get; init; }
}

/// <summary>Summary of a set of distances to the closest record.</summary>
public sealed class DistanceSummary
{
    /// <summary>The smallest distance.</summary>
    public required double Minimum { get; init; }

    /// <summary>The 5th percentile.</summary>
    public required double Percentile5 { get; init; }

    /// <summary>The median.</summary>
    public required double Median { get; init; }

    /// <summary>The mean.</summary>
    public required double Mean { get; init; }
}

/// <summary>A category rarer than the threshold in the real training rows that the synthetic rows carry.</summary>
public sealed class RareCategoryExposure
{
    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>The category, as text.</summary>
    public required string Category { get; init; }

    /// <summary>Its count in the real training rows.</summary>
    public required int RealCount { get; init; }

    /// <summary>Its count in the synthetic rows.</summary>
    public required int SyntheticCount { get; init; }
}
