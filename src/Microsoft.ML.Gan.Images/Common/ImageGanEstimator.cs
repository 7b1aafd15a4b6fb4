using Microsoft.ML.Gan.Images.Training;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Trains an image family (chosen by the catalog method and its options: DCGAN-like, StyleGAN, text-to-image or
/// image-to-image) with the shared engine and returns its fitted <typeparamref name="TTransformer"/>. The seed comes
/// from the options or the <see cref="MLContext"/>; <c>mlContext.CancelExecution()</c> stops the fit within one step.
/// </summary>
/// <typeparam name="TTransformer">The family's fitted model.</typeparam>
public sealed class ImageGanEstimator<TTransformer> : IEstimator<TTransformer> where TTransformer : ImageGanTransformerBase
{
    private readonly MLContext _mlContext;
    private readonly ImageFamilyTraining<TTransformer> _training;

    internal ImageGanEstimator(MLContext mlContext, ImageFamilyTraining<TTransformer> training)
    {
        training.Options.Validate();
        _mlContext = mlContext;
        _training = training;
    }

    /// <summary>Trains on <paramref name="input"/> (the columns the options name; see the family's options).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type or size, a label is out of
    /// range, or the batch is larger than the data.</exception>
    /// <exception cref="ArgumentException">The data is empty or holds non-finite values.</exception>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Fit(input, input);
    }

    /// <summary>Trains on one view, or (CycleGAN) on two unpaired views.</summary>
    internal TTransformer Fit(IDataView input, IDataView secondInput)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(secondInput);
        _training.CheckInputs(input, secondInput);
        var options = _training.Options;
        int seed = GanHost.ResolveSeed(_mlContext, options.Seed, _training.ComponentName);
        var device = TorchDevices.Resolve(options.Device);
        return GanHost.WithLog(_mlContext, _training.ComponentName,
            log => _training.Fit(new ImageFitContext(_mlContext, input, secondInput, seed, device, log)));
    }

    /// <summary>The input schema plus the generated image column; checks the columns training reads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _training.GetOutputSchema(_mlContext, inputSchema);
}
