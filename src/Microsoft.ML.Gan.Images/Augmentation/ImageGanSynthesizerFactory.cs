using Microsoft.ML.Gan.Augmentation;

namespace Microsoft.ML.Gan.Images.Augmentation;

/// <summary>Fits a conditional image GAN on the pixel and label columns and wraps it as an <see cref="ImageGanSynthesizer"/>.</summary>
internal sealed class ImageGanSynthesizerFactory : ISynthesizerFactory
{
    private readonly MLContext _mlContext;
    private readonly ImageGanOptions _options;

    /// <summary>A factory that fits an image GAN with these options (conditional: e.g. <see cref="ConditionalGanOptions"/>).</summary>
    /// <param name="mlContext">The context (seed, log).</param>
    /// <param name="options">Options with a conditioning and the label and image columns.</param>
    /// <exception cref="ArgumentException">The options are unconditional.</exception>
    public ImageGanSynthesizerFactory(MLContext mlContext, ImageGanOptions options)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Conditioning == ImageConditioning.None)
            throw new ArgumentException("Augmentation needs a conditional image GAN: use ConditionalGanOptions, AcGanOptions or set Conditioning.", nameof(options));
        _mlContext = mlContext;
        _options = options;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The label column is not the options' <see cref="ImageGanOptions.LabelColumnName"/> or not a key, or the image column is not a float vector.
    /// </exception>
    public ILabelConditionedSynthesizer Fit(IDataView data, string labelColumnName, bool labelIsCategorical)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (labelColumnName != _options.LabelColumnName)
            throw new ArgumentException(
                $"The augmentation label is '{labelColumnName}' but the image GAN's LabelColumnName is '{_options.LabelColumnName}'; set both to the same column.", nameof(labelColumnName));
        if (data.Schema[labelColumnName].Type is not KeyDataViewType)
            throw new ArgumentException(
                $"Label column '{labelColumnName}' is {data.Schema[labelColumnName].Type}; image augmentation needs a key label (use MapValueToKey).", nameof(labelColumnName));
        if (data.Schema.GetColumnOrNull(_options.ImageColumnName)?.Type is not VectorDataViewType { ItemType: NumberDataViewType } vector || vector.ItemType != NumberDataViewType.Single)
            throw new ArgumentException(
                $"Image column '{_options.ImageColumnName}' must be a known-size vector of Single pixels for augmentation (the synthetic rows are pixel vectors).", nameof(data));
        var model = _mlContext.Gan().Images.ImageGan(_options).Fit(data);
        return new ImageGanSynthesizer(_mlContext, model, _options.ImageColumnName, labelColumnName, ownsModel: true);
    }
}
