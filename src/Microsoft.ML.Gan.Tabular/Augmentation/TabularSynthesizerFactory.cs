using Microsoft.ML.Gan.Augmentation;

namespace Microsoft.ML.Gan.Tabular.Augmentation;

/// <summary>
/// Fits a tabular synthesizer of any family (<c>mlContext.Gan().Tabular.Ctgan</c>, <c>.Tvae</c>, <c>.TabDdpm</c>,
/// <c>.GaussianCopula</c>) on the training table (label column included) and wraps the model as a
/// <see cref="TabularModelSynthesizer"/>.
/// </summary>
internal sealed class TabularSynthesizerFactory : ISynthesizerFactory
{
    private readonly TabularSynthesizerEstimator _estimator;

    /// <summary>A factory that fits <paramref name="estimator"/> (its options checked when it was created).</summary>
    public TabularSynthesizerFactory(TabularSynthesizerEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        _estimator = estimator;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The label is ignored by the synthesizer's options, or it holds classes in a numeric column that the options'
    /// <c>DiscreteColumns</c> does not list (the synthesizer would model it as continuous and could not condition on it).
    /// </exception>
    public ILabelConditionedSynthesizer Fit(IDataView data, string labelColumnName, bool labelIsCategorical)
    {
        ArgumentNullException.ThrowIfNull(data);
        var options = _estimator.Options;
        string optionsName = options.GetType().Name;
        if (options.IgnoreColumns.Contains(labelColumnName))
            throw new ArgumentException(
                $"{optionsName}.IgnoreColumns lists the label column '{labelColumnName}'; {_estimator.SynthesizerName} must learn the label to generate rows of a class.", nameof(labelColumnName));
        var label = data.Schema[labelColumnName];
        if (labelIsCategorical && label.Type is NumberDataViewType && !options.DiscreteColumns.Contains(labelColumnName))
            throw new ArgumentException(
                $"The label column '{labelColumnName}' is numeric ({label.Type}) and holds classes, but {_estimator.SynthesizerName} models numeric columns as continuous; add it to {optionsName}.DiscreteColumns.", nameof(labelColumnName));
        return new TabularModelSynthesizer(_estimator.Fit(data), labelColumnName, ownsModel: true);
    }
}
