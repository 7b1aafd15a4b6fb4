namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Names that saved GAN models use inside their transformer chain: temporary columns (dropped at the end of the
/// chain) and the custom-mapping contract names. All are part of the saved-model format and never change.
/// </summary>
internal static class GanChainColumns
{
    /// <summary>The prefix of every temporary column; input columns must not use it.</summary>
    public const string ReservedPrefix = "__MicrosoftMLGan_";

    /// <summary>Constant key column (1) that the value mapping turns into the model record.</summary>
    public const string PayloadKey = ReservedPrefix + "PayloadKey";

    /// <summary>The model record as base64 text.</summary>
    public const string Payload = ReservedPrefix + "Payload";

    /// <summary>The row's index in its (ordered) cursor.</summary>
    public const string RowIndex = ReservedPrefix + "RowIndex";

    /// <summary>The per-row seed converted to Int64.</summary>
    public const string Seed = ReservedPrefix + "Seed";

    /// <summary>The condition as a float vector (a one-hot row for a text or key condition).</summary>
    public const string Condition = ReservedPrefix + "Condition";

    /// <summary>A text condition turned into a key over the model's categories, or an index condition as Single.</summary>
    public const string ConditionKey = ReservedPrefix + "ConditionKey";

    /// <summary>The generated row before it is copied to the user's output column.</summary>
    public const string Generated = ReservedPrefix + "Generated";

    /// <summary>Contract name of the step that emits <see cref="PayloadKey"/> and <see cref="RowIndex"/>.</summary>
    public const string RowIndexContract = "Microsoft.ML.Gan.RowIndex.v1";

    /// <summary>Contract name of the step that generates stream rows (no seed column).</summary>
    public const string StreamContract = "Microsoft.ML.Gan.GenerateStream.v1";

    /// <summary>Contract name of the step that generates rows from a seed column.</summary>
    public const string SeededContract = "Microsoft.ML.Gan.GenerateSeeded.v1";

    /// <summary>Contract name of the step that generates conditioned rows of the stream (no seed column).</summary>
    public const string ConditionedStreamContract = "Microsoft.ML.Gan.GenerateConditionedStream.v1";

    /// <summary>Contract name of the step that generates conditioned rows from a seed column.</summary>
    public const string ConditionedSeededContract = "Microsoft.ML.Gan.GenerateConditionedSeeded.v1";
}
