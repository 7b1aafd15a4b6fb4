using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Cli;

/// <summary>Saves a model zip atomically: an interrupted save leaves the previous file loadable.</summary>
internal static class ModelFile
{
    public static void Save(MLContext mlContext, ITransformer model, string path, bool overwrite) =>
        AtomicFile.Write(path, overwrite, stream => mlContext.Model.Save(model, null, stream));
}
