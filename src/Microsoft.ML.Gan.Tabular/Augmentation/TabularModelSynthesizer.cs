using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Augmentation;

/// <summary>
/// A fitted tabular model of any family (CTGAN, TVAE, TabDDPM, Gaussian copula: each fit gives a
/// <see cref="CtganModel"/>) as an augmentation synthesizer: rows of one label value are the model's samples
/// conditioned on <c>label = value</c> (the label must be a discrete column of the model: text, Boolean, key, or a
/// numeric column listed in the options' <c>DiscreteColumns</c>); unconditioned rows are plain samples.
/// </summary>
internal sealed class TabularModelSynthesizer : ILabelConditionedSynthesizer
{
    private readonly bool _ownsModel;

    /// <summary>Wraps a fitted model, which stays the caller's (disposing this synthesizer does not dispose it).</summary>
    /// <param name="model">A tabular model fitted on the training table, the label column included.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <exception cref="ArgumentException">The model does not generate the label column.</exception>
    public TabularModelSynthesizer(CtganModel model, string labelColumnName)
        : this(model, labelColumnName, ownsModel: false)
    {
    }

    internal TabularModelSynthesizer(CtganModel model, string labelColumnName, bool ownsModel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        if (model.SampleSchema.GetColumnOrNull(labelColumnName) is null)
            throw new ArgumentException(
                $"The tabular model does not generate the label column '{labelColumnName}'; it generates {string.Join(", ", model.SampleSchema.Select(c => c.Name))}.", nameof(labelColumnName));
        Model = model;
        LabelColumnName = labelColumnName;
        _ownsModel = ownsModel;
    }

    /// <summary>The model that generates the rows.</summary>
    public CtganModel Model { get; }

    /// <inheritdoc />
    public string LabelColumnName { get; }

    /// <inheritdoc />
    public DataViewSchema Schema => Model.SampleSchema;

    /// <inheritdoc />
    public IDataView Generate(int count, object? label, long seed) =>
        Model.Sample(count, seed, label is null ? null : new SampleCondition(LabelColumnName, label));

    /// <summary>Disposes the model when this synthesizer fitted it.</summary>
    public void Dispose()
    {
        if (_ownsModel)
            Model.Dispose();
    }
}
