using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Images.StyleGan;
using Microsoft.ML.Gan.Images.TextToImage;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Every image family's descriptor, registered with the core's payload registry when the assembly loads (so models
/// loaded with <c>mlContext.Model.Load</c> work without setup), and the typed <c>Load</c> of every image transformer.
/// A new family adds its descriptor to <see cref="All"/>.
/// </summary>
internal static class ImageFamilies
{
    /// <summary>The image families.</summary>
    public static IReadOnlyList<ImageFamily> All { get; } =
        [ImageGanFamily.Instance, StyleGanFamily.Instance, TextToImageFamily.Instance, ImageTranslationFamily.Instance];

    /// <summary>Registers every family's payload reader.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the families registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        foreach (var family in All)
        {
            foreach (string name in family.PayloadNames)
                GanPayloadRegistry.Register(name, body => family.Read(name, body, CPU));
        }
    }

    /// <summary>The typed transformer of <paramref name="saved"/>, or null when it is not an image family's model.</summary>
    public static ImageGanTransformerBase? Rebuild(MLContext mlContext, GanSavedModel saved)
    {
        string name = saved.Payload.Family;
        var family = All.FirstOrDefault(f => f.PayloadNames.Contains(name));
        return family?.Wrap(mlContext, family.Read(name, saved.Payload.Body.ToArray(), CPU), saved.Settings, null, saved.Payload.Id);
    }

    /// <summary>Loads a saved image model as <typeparamref name="TTransformer"/>.</summary>
    /// <param name="mlContext">The context of the loaded model.</param>
    /// <param name="path">The zip written by <c>mlContext.Model.Save</c>.</param>
    /// <param name="what">What the caller expects, for the error ("a StyleGAN").</param>
    /// <exception cref="InvalidDataException">The file holds another kind of model (the message says which).</exception>
    public static TTransformer Load<TTransformer>(MLContext mlContext, string path, string what) where TTransformer : ImageGanTransformerBase
    {
        var saved = GanModelLoader.Load(mlContext, path);
        var model = Rebuild(mlContext, saved)
            ?? throw new InvalidDataException($"'{path}' holds a '{saved.Payload.Family}' GAN model, not an image GAN.");
        if (model is TTransformer typed)
            return typed;
        model.Dispose();
        throw new InvalidDataException($"'{path}' holds an image GAN of family '{saved.Payload.Family}', not {what}.");
    }
}
