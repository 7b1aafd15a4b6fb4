namespace Microsoft.ML.Gan.Augmentation;

/// <summary>Fits a <see cref="ILabelConditionedSynthesizer"/> on a training table, conditioned on its label column.</summary>
public interface ISynthesizerFactory
{
    /// <summary>Learns <paramref name="data"/> so that rows of any of its label values can be generated.</summary>
    /// <param name="data">The real training rows.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="labelIsCategorical">Whether the label holds classes (generation asks for one class) or a continuous target (generation is unconditioned).</param>
    /// <returns>A fitted synthesizer; the caller disposes it.</returns>
    ILabelConditionedSynthesizer Fit(IDataView data, string labelColumnName, bool labelIsCategorical);
}
