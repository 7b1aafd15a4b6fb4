using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Images.Data;

namespace Microsoft.ML.Gan.Images.Augmentation;

/// <summary>
/// A fitted conditional image GAN as an augmentation synthesizer over a table of two columns: a pixel column (a
/// float vector of C×H×W planar values, in the model's pixel range) and a key label column with one key per class.
/// Rows of key k are images generated with class k − 1; unconditioned rows take class p mod K for row p.
/// </summary>
internal sealed class ImageGanSynthesizer : ILabelConditionedSynthesizer
{
    private readonly MLContext _mlContext;
    private readonly string _imageColumnName;
    private readonly bool _ownsModel;

    /// <summary>Wraps a fitted conditional model, which stays the caller's (disposing this synthesizer does not dispose it).</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="model">A conditional image GAN (cGAN, AC-GAN, projection).</param>
    /// <param name="imageColumnName">The pixel column of the training table.</param>
    /// <param name="labelColumnName">The key label column of the training table.</param>
    /// <exception cref="ArgumentException">The model is unconditional.</exception>
    public ImageGanSynthesizer(MLContext mlContext, ImageGanTransformer model, string imageColumnName, string labelColumnName)
        : this(mlContext, model, imageColumnName, labelColumnName, ownsModel: false)
    {
    }

    internal ImageGanSynthesizer(MLContext mlContext, ImageGanTransformer model, string imageColumnName, string labelColumnName, bool ownsModel)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(imageColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumnName);
        if (model.ClassCount < 2)
            throw new ArgumentException("The image GAN is unconditional; augmentation needs a conditional model (ConditionalGan, AcGan or Conditioning set).", nameof(model));
        _mlContext = mlContext;
        Model = model;
        _imageColumnName = imageColumnName;
        LabelColumnName = labelColumnName;
        _ownsModel = ownsModel;
        Schema = Generate(0, null, 0).Schema;
    }

    /// <summary>The image GAN that generates the rows.</summary>
    public ImageGanTransformer Model { get; }

    /// <inheritdoc />
    public string LabelColumnName { get; }

    /// <summary>The pixel column (Vector&lt;Single, C×H×W&gt;) and the label column (key with one value per class).</summary>
    public DataViewSchema Schema { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The label is not a key of the model's classes.</exception>
    public IDataView Generate(int count, object? label, long seed)
    {
        int? classIndex = label switch
        {
            null => null,
            ulong key when key >= 1 && key <= (ulong)Model.ClassCount => (int)key - 1,
            _ => throw new ArgumentException(
                $"Label column '{LabelColumnName}': {label} is not a key of the model's {Model.ClassCount} classes; image augmentation needs a key label (use MapValueToKey).", nameof(label)),
        };
        var pixels = Model.Generate(count, classIndex, seed);
        int[] labels = [.. Enumerable.Range(0, count).Select(p => classIndex ?? p % Model.ClassCount)];
        return ImageSetDataView.Create(_mlContext, new ImageSet(Model.Shape, pixels, labels, Model.ClassCount), _imageColumnName, LabelColumnName);
    }

    /// <summary>Disposes the model when this synthesizer fitted it.</summary>
    public void Dispose()
    {
        if (_ownsModel)
            Model.Dispose();
    }
}
