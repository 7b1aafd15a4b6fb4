namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// Machine-learning efficacy: each trainer is trained once on the real training rows (TRTR) and once on the
/// synthetic rows (TSTR), and both models are tested on the same real holdout. TSTR close to TRTR means the synthetic
/// data carries what a model needs to learn the label.
/// </summary>
public sealed class MlEfficacyResult
{
    /// <summary>The label column.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>The task that was run.</summary>
    public required MlEfficacyTask Task { get; init; }

    /// <summary>For binary classification, the category counted as positive.</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Real training rows (TRTR) after dropping rows with a missing label.</summary>
    public required int RealTrainingRows { get; init; }

    /// <summary>Synthetic training rows (TSTR) after dropping rows with a missing label or a label category absent from the real data.</summary>
    public required int SyntheticTrainingRows { get; init; }

    /// <summary>Real holdout rows the models are tested on.</summary>
    public required int TestRows { get; init; }

    /// <summary>Per trainer, the metrics of both models.</summary>
    public required IReadOnlyList<TrainerEfficacy> Trainers { get; init; }
}

/// <summary>One trainer's test metrics when trained on real rows and when trained on synthetic rows.</summary>
public sealed class TrainerEfficacy
{
    /// <summary>The ML.NET trainer.</summary>
    public required string Trainer { get; init; }

    /// <summary>Trained on real, tested on real (the reference).</summary>
    public required EfficacyMetrics TrainRealTestReal { get; init; }

    /// <summary>Trained on synthetic, tested on real.</summary>
    public required EfficacyMetrics TrainSyntheticTestReal { get; init; }
}

/// <summary>Test metrics of one model; only those of its task are set.</summary>
public sealed class EfficacyMetrics
{
    /// <summary>Binary classification: accuracy.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Binary classification: F1 score of the positive class.</summary>
    public double? F1Score { get; init; }

    /// <summary>Binary classification: area under the ROC curve.</summary>
    public double? AreaUnderRocCurve { get; init; }

    /// <summary>
    /// Binary and multiclass classification: the mean over classes of each class's F1 score (classes neither present
    /// in the test rows nor predicted are left out). A model that predicts only the majority class scores low here.
    /// </summary>
    public double? MacroF1 { get; init; }

    /// <summary>Multiclass classification: mean of the per-class accuracies.</summary>
    public double? MacroAccuracy { get; init; }

    /// <summary>Multiclass classification: share of rows predicted right.</summary>
    public double? MicroAccuracy { get; init; }

    /// <summary>Regression: coefficient of determination.</summary>
    public double? RSquared { get; init; }

    /// <summary>Regression: root mean squared error.</summary>
    public double? RootMeanSquaredError { get; init; }

    /// <summary>Regression: mean absolute error.</summary>
    public double? MeanAbsoluteError { get; init; }

    /// <summary>Why training or testing failed (for example, the synthetic rows hold a single label category), or null.</summary>
    public string? Error { get; init; }
}
