using Microsoft.ML.Gan.Images.StyleGan;
using Microsoft.ML.Gan.Images.TextToImage;
using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Images;

/// <summary>Rebuilds the typed transformer of any image family from a saved model (family name → reader).</summary>
internal static class ImageGanFamilies
{
    private static readonly Dictionary<string, Func<MLContext, GanSavedModel, ImageGanTransformer>> Readers = new(StringComparer.Ordinal)
    {
        [ImageGanFamily.Name] = ReadConvolutionalOrMlp,
        [ImageGanFamily.MlpName] = ReadConvolutionalOrMlp,
        [StyleGanFamily.Name] = (mlContext, saved) => new StyleGanTransformer(mlContext,
            StyleGanFamily.Read(saved.Payload.Body.ToArray(), TorchSharp.torch.CPU), saved.Settings, null, saved.Payload.Id),
        [TextToImageFamily.Name] = (mlContext, saved) => new TextToImageTransformer(mlContext,
            TextToImageFamily.Read(saved.Payload.Body.ToArray(), TorchSharp.torch.CPU), saved.Settings, null, saved.Payload.Id),
    };

    private static ImageGanTransformer ReadConvolutionalOrMlp(MLContext mlContext, GanSavedModel saved) => new(mlContext,
        ImageGanFamily.Read(saved.Payload.Family, saved.Payload.Body.ToArray(), TorchSharp.torch.CPU), saved.Settings, null, saved.Payload.Id);

    /// <summary>The typed transformer of <paramref name="saved"/>, or null when it is not an image family's model.</summary>
    public static ImageGanTransformer? Rebuild(MLContext mlContext, GanSavedModel saved) =>
        Readers.TryGetValue(saved.Payload.Family, out var read) ? read(mlContext, saved) : null;
}
