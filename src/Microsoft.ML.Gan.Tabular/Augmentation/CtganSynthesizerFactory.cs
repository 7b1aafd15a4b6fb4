using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Augmentation;

/// <summary>Fits CTGAN on the training table (label column included) and wraps it as a <see cref="CtganSynthesizer"/>.</summary>
internal sealed class CtganSynthesizerFactory : ISynthesizerFactory
{
    private readonly MLContext _mlContext;
    private readonly CtganOptions _options;

    /// <summary>A factory that fits CTGAN with these options.</summary>
    /// <param name="mlContext">The context (seed, log).</param>
    /// <param name="options">CTGAN options; null for the paper's defaults.</param>
    public CtganSynthesizerFactory(MLContext mlContext, CtganOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        _mlContext = mlContext;
        _options = options ?? new CtganOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The label is ignored by the CTGAN options, or it holds classes in a numeric column that
    /// <see cref="CtganOptions.DiscreteColumns"/> does not list (CTGAN would model it as continuous and could not condition on it).
    /// </exception>
    public ILabelConditionedSynthesizer Fit(IDataView data, string labelColumnName, bool labelIsCategorical)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_options.IgnoreColumns.Contains(labelColumnName))
            throw new ArgumentException($"CtganOptions.IgnoreColumns lists the label column '{labelColumnName}'; CTGAN must learn the label to generate rows of a class.", nameof(labelColumnName));
        var label = data.Schema[labelColumnName];
        if (labelIsCategorical && label.Type is NumberDataViewType && !_options.DiscreteColumns.Contains(labelColumnName))
            throw new ArgumentException(
                $"The label column '{labelColumnName}' is numeric ({label.Type}) and holds classes, but CTGAN models numeric columns as continuous; add it to CtganOptions.DiscreteColumns.", nameof(labelColumnName));
        var model = new CtganEstimator(_mlContext, _options).Fit(data);
        return new CtganSynthesizer(model, labelColumnName, ownsModel: true);
    }
}
