namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The core's row-to-row machinery (Transform, prediction engines, saving as the built-in chain) for an image
/// generator. The public image transformers hold one instead of deriving from <see cref="GanTransformerBase"/>, so
/// that they offer only the members their family supports (no unconditioned <c>Sample</c> for text-to-image or
/// image-to-image models).
/// </summary>
internal sealed class ImageGanModel : GanTransformerBase
{
    private readonly Func<GanPayload> _payload;

    /// <param name="mlContext">The context (used to build the saveable chain).</param>
    /// <param name="generator">The fitted generator; this model owns and disposes it.</param>
    /// <param name="settings">Output column, base seed, optional seed and condition columns.</param>
    /// <param name="derivation">The generated <c>MLImage</c> column.</param>
    /// <param name="payload">The saved generator (called at most once, on the first save).</param>
    public ImageGanModel(MLContext mlContext, ImageGenerator generator, GanGenerationSettings settings, GeneratedColumnDerivation derivation,
        Func<GanPayload> payload)
        : base(mlContext, generator, settings)
    {
        Derivation = derivation;
        _payload = payload;
    }

    /// <inheritdoc />
    private protected override GeneratedColumnDerivation Derivation { get; }

    /// <summary>Throws when the model was disposed.</summary>
    public void CheckNotDisposed() => ThrowIfDisposed();

    /// <inheritdoc />
    private protected override GanPayload CreatePayload() => _payload();
}
