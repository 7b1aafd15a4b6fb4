using Microsoft.ML.Gan.Images.Data;

namespace Microsoft.ML.Gan.Images.Training;

/// <summary>
/// The training of a family that generates images from noise (DCGAN-like, StyleGAN, text-to-image): the image column
/// is read and checked against the batch size here; the family trains on the set.
/// </summary>
internal abstract class GeneratingFamilyTraining<TOptions, TTransformer>(TOptions options) : ImageFamilyTraining<TTransformer>
    where TOptions : ImageColumnOptions
    where TTransformer : ImageGanTransformerBase
{
    /// <summary>The family's options.</summary>
    protected TOptions FamilyOptions => options;

    public sealed override GanTrainingOptions Options => options;

    public sealed override TTransformer Fit(ImageFitContext context)
    {
        CheckColumns(context.Input.Schema);
        var set = ImageColumnReader.Read(context.Input, options);
        options.RequireBatchWithin(set.Count, "images");
        return Train(context, set);
    }

    /// <summary>Checks the family's own columns, before the images are read (so that a wrong column is named first).</summary>
    protected virtual void CheckColumns(DataViewSchema schema)
    {
    }

    /// <summary>Trains on the images (values in [0, 1]) and wraps the fitted generator.</summary>
    protected abstract TTransformer Train(ImageFitContext context, ImageSet images);

    /// <summary>The input schema plus the generated columns; checks the image column (a family adds its own columns).</summary>
    public override SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema) =>
        ImageSchema.WithGeneratedColumn(mlContext, options, inputSchema);
}
