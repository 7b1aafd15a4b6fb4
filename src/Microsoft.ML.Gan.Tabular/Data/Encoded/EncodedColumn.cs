namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// One column of the training rows in compact encoded form (a category slot, a mode and α, a normal score, per row):
/// the few bytes per row from which <see cref="Write"/> rebuilds the column's part of the float encoding.
/// </summary>
internal abstract class EncodedColumn
{
    /// <summary>Writes row <paramref name="row"/>'s encoding into <paramref name="destination"/>, the column's zeroed part of a float row.</summary>
    public abstract void Write(int row, Span<float> destination);
}

/// <summary>A discrete column: per row, its slot in the column's one-hot (none for a single-category column).</summary>
internal sealed class EncodedCategories(SmallCodes slots, bool hasSpan) : EncodedColumn
{
    /// <summary>The slot of row <paramref name="row"/>.</summary>
    public int Slot(int row) => slots[row];

    public override void Write(int row, Span<float> destination)
    {
        if (hasSpan)
            destination[slots[row]] = 1;
    }
}

/// <summary>
/// A mode-specific normalized column: per row the mode (<c>modeCount</c> marks a missing value, whose mode one-hot is
/// the heaviest mode) and α (absent when no mode has one).
/// </summary>
internal sealed class EncodedModes(SmallCodes modes, float[]? alphas, int modeCount, int missingMode, bool hasMissing) : EncodedColumn
{
    public override void Write(int row, Span<float> destination)
    {
        int mode = modes[row];
        bool missing = mode == modeCount;
        if (modeCount > 0)
        {
            if (!missing && alphas is not null)
                destination[0] = alphas[row];
            destination[1 + (missing ? missingMode : mode)] = 1;
        }
        if (hasMissing)
            destination[(modeCount == 0 ? 0 : 1 + modeCount) + (missing ? 1 : 0)] = 1;
    }
}

/// <summary>
/// A quantile-normalized column: per row its normal score, NaN for a missing value (which writes
/// <c>missingScore</c> when the column is <c>modeled</c>, i.e. has a score span).
/// </summary>
internal sealed class EncodedScores(float[] scores, bool modeled, float missingScore, bool hasMissing) : EncodedColumn
{
    public override void Write(int row, Span<float> destination)
    {
        float score = scores[row];
        bool missing = float.IsNaN(score);
        if (modeled)
            destination[0] = missing ? missingScore : score;
        if (hasMissing)
            destination[(modeled ? 1 : 0) + (missing ? 1 : 0)] = 1;
    }
}
