namespace Microsoft.ML.Gan.Images.Training;

/// <summary>What one fit gets from <see cref="ImageGanEstimator{TTransformer}"/>: the data, the resolved seed and device, and the log.</summary>
/// <param name="MLContext">The estimator's context.</param>
/// <param name="Input">The training data.</param>
/// <param name="SecondInput">CycleGAN's domain-B view; <paramref name="Input"/> itself for every other fit.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Device">Where the networks train.</param>
/// <param name="Log">Info lines to the context's log.</param>
internal sealed record ImageFitContext(MLContext MLContext, IDataView Input, IDataView SecondInput, int Seed, Device Device, Action<string> Log);

/// <summary>
/// One image family's training, bound to its options: read and check the columns, build the networks and the
/// adversarial problem, run the engine and wrap the fitted generator in the family's transformer. The estimator shell
/// (<see cref="ImageGanEstimator{TTransformer}"/>) is shared; a family supplies this.
/// </summary>
internal abstract class ImageFamilyTraining<TTransformer> where TTransformer : ImageGanTransformerBase
{
    /// <summary>The options (validated by the estimator).</summary>
    public abstract GanTrainingOptions Options { get; }

    /// <summary>The name of the log channel and of the MLContext component that draws the seed.</summary>
    public abstract string ComponentName { get; }

    /// <summary>Refuses a second, different view unless the family trains on two (CycleGAN).</summary>
    /// <exception cref="InvalidOperationException">Two views were given to a family that trains on one.</exception>
    public virtual void CheckInputs(IDataView input, IDataView secondInput)
    {
        if (!ReferenceEquals(input, secondInput))
            throw new InvalidOperationException($"{ComponentName} trains on one data view; only CycleGAN takes two unpaired views.");
    }

    /// <summary>Trains and returns the fitted model.</summary>
    public abstract TTransformer Fit(ImageFitContext context);

    /// <summary>The input schema plus the generated column; checks the columns training reads.</summary>
    public abstract SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema);
}
