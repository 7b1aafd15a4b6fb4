namespace Microsoft.ML.Gan.Augmentation;

/// <summary>
/// A fitted generative model of a training table that can generate rows of one label value. Generated rows have
/// exactly the columns (names and types) of the data the synthesizer learned, the label column included.
/// </summary>
/// <remarks>
/// Label values are passed as the augmentation reads them: <see cref="bool"/> for a Boolean column,
/// the raw key value as <see cref="ulong"/> (1 = first key) for a key column, <see cref="string"/> for a text column
/// and <see cref="double"/> for a numeric column read as classes.
/// </remarks>
public interface ILabelConditionedSynthesizer : IDisposable
{
    /// <summary>The label column the synthesizer is conditioned on.</summary>
    string LabelColumnName { get; }

    /// <summary>The schema of generated rows: the learned columns' names and types.</summary>
    DataViewSchema Schema { get; }

    /// <summary>Generates rows; the same seed gives the same rows.</summary>
    /// <param name="count">How many rows.</param>
    /// <param name="label">The label value every row must have, or null for rows whose label the synthesizer draws itself.</param>
    /// <param name="seed">The seed of the generated stream.</param>
    /// <exception cref="ArgumentException">The synthesizer cannot generate rows of that label value.</exception>
    /// <remarks>The returned view must stay readable after the synthesizer is disposed (hold the rows, not the model).</remarks>
    IDataView Generate(int count, object? label, long seed);
}
