namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// The empirical privacy check: a distance-to-closest-record membership-inference attack on the synthetic rows.
/// For each sampled real training row (member) and real holdout row (non-member), the attacker measures the distance
/// to the closest synthetic row and calls the closer ones members. An AUC of 0.5 means the synthetic rows tell
/// members and non-members apart no better than a coin; near 1 means they give training rows away. It complements a
/// differential-privacy ε, which bounds every attack but may be loose, and applies to models without DP too.
/// </summary>
public sealed class MembershipInferenceResult
{
    /// <summary>Training rows attacked (a random subsample of at most <see cref="TabularEvaluationOptions.PrivacySampleSize"/>).</summary>
    public required int MemberRows { get; init; }

    /// <summary>Holdout rows attacked (as many as <see cref="MemberRows"/>, so that 0.5 is the no-leak baseline).</summary>
    public required int NonMemberRows { get; init; }

    /// <summary>Synthetic rows the distances are measured to (all of them).</summary>
    public required int SyntheticRows { get; init; }

    /// <summary>The attack's ROC AUC: the chance that a random member is closer to the synthetic rows than a random non-member (ties half). 0.5 = no leakage.</summary>
    public required double AreaUnderRocCurve { get; init; }

    /// <summary>Membership advantage: the largest true-positive rate minus false-positive rate over distance thresholds. 0 = no leakage.</summary>
    public required double Advantage { get; init; }
}
