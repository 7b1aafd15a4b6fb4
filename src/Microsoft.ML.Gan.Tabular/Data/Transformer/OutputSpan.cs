namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>How a span of the encoded row is produced by a generator.</summary>
internal enum SpanKind
{
    /// <summary>One value in [−1, 1] (CTGAN applies tanh).</summary>
    Scalar,

    /// <summary>A one-hot block (CTGAN applies Gumbel-softmax).</summary>
    Categorical,
}

/// <summary>What a span of the encoded row means.</summary>
internal enum SpanRole
{
    /// <summary>A continuous value's position within its mode: α = (x − μₖ) / (4σₖ), clipped to [−0.99, 0.99].</summary>
    ContinuousValue,

    /// <summary>The one-hot of a continuous value's mode.</summary>
    Mode,

    /// <summary>A two-way one-hot of a continuous column: [present, missing].</summary>
    MissingIndicator,

    /// <summary>The one-hot of a discrete column's category; these spans build CTGAN's conditional vector.</summary>
    Category,

    /// <summary>A continuous value's normal score Φ⁻¹(F(x)) under its column's empirical CDF (TabDDPM's quantile normalization).</summary>
    NormalScore,
}

/// <summary>A contiguous block of the encoded row that belongs to one column.</summary>
/// <param name="Start">The first position in the encoded row.</param>
/// <param name="Length">The number of positions.</param>
/// <param name="Kind">Scalar or categorical.</param>
/// <param name="Role">What the block encodes.</param>
/// <param name="ColumnIndex">The position of the column in the fitted table.</param>
/// <param name="ColumnName">The name of the column.</param>
internal sealed record OutputSpan(int Start, int Length, SpanKind Kind, SpanRole Role, int ColumnIndex, string ColumnName)
{
    /// <summary>Whether the span is a discrete column's categories, on which CTGAN conditions its generator.</summary>
    public bool IsConditionable => Role == SpanRole.Category;
}
