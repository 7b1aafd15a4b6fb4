using System.IO.Compression;
using Microsoft.ML.Gan.Persistence.Mappings;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Typed loading: reads the generator and settings of a GAN model saved with <c>mlContext.Model.Save</c>, once,
/// from the same zip that <c>mlContext.Model.Load</c> reads, so a family can rebuild its fast transformer.
/// </summary>
internal static class GanModelLoader
{
    /// <summary>Reads the single GAN model saved in the zip at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a zip archive, not an ML.NET model, not a GAN model, or holds several GAN models
    /// (the message says which).
    /// </exception>
    public static GanSavedModel Load(MLContext mlContext, string path)
    {
        var models = LoadAll(mlContext, path);
        return Single(models, $"The file '{path}'");
    }

    /// <summary>Reads the single GAN model saved in the zip held by <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The stream is not a zip archive, not an ML.NET model, not a GAN model, or holds several GAN models.
    /// </exception>
    public static GanSavedModel Load(MLContext mlContext, Stream stream) =>
        Single(LoadAll(mlContext, stream), "The stream");

    /// <summary>Reads the generator payload of the single GAN model saved in the zip at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">See <see cref="Load(MLContext, string)"/>.</exception>
    public static GanPayload LoadPayload(MLContext mlContext, string path) => Load(mlContext, path).Payload;

    /// <summary>Reads the generator payload of the single GAN model saved in the zip held by <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">See <see cref="Load(MLContext, Stream)"/>.</exception>
    public static GanPayload LoadPayload(MLContext mlContext, Stream stream) => Load(mlContext, stream).Payload;

    /// <summary>Reads every GAN model saved in the zip at <paramref name="path"/> (e.g. a pipeline with several).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip archive, not an ML.NET model, or holds no GAN model.</exception>
    public static IReadOnlyList<GanSavedModel> LoadAll(MLContext mlContext, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The GAN model file '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        return LoadAll(mlContext, stream, $"The file '{path}'");
    }

    /// <summary>Reads every GAN model saved in the zip held by <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a zip archive, not an ML.NET model, or holds no GAN model.</exception>
    public static IReadOnlyList<GanSavedModel> LoadAll(MLContext mlContext, Stream stream) =>
        LoadAll(mlContext, stream, "The stream");

    /// <summary>
    /// Reads every GAN model inside a transformer returned by <c>mlContext.Model.Load</c> (possibly nested in chains).
    /// Returns an empty list when it holds none.
    /// </summary>
    public static IReadOnlyList<GanSavedModel> FindAll(ITransformer loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var found = new List<GanSavedModel>();
        Collect(loaded, found);
        return found;
    }

    /// <summary>What went wrong under ML.NET's reflective loading (e.g. an assembly of a newer release), not the wrapper.</summary>
    private static Exception Cause(Exception e)
    {
        while (e is System.Reflection.TargetInvocationException { InnerException: { } inner })
            e = inner;
        return e;
    }

    private static IReadOnlyList<GanSavedModel> LoadAll(MLContext mlContext, Stream stream, string what)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        CheckZip(buffer, what);
        buffer.Position = 0;
        ITransformer loaded;
        try
        {
            loaded = mlContext.Model.Load(buffer, out _);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{what} is a zip archive but not a loadable ML.NET model: {Cause(e).Message}", e);
        }
        IReadOnlyList<GanSavedModel> models;
        try
        {
            models = FindAll(loaded);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InvalidDataException))
        {
            throw new InvalidDataException($"{what} is an ML.NET model with GAN steps, but their payload could not be read: {e.Message}", e);
        }
        if (models.Count == 0)
        {
            throw new InvalidDataException(
                $"{what} is an ML.NET model but not a GAN model: it holds no GAN generator (it holds {Describe(loaded)}).");
        }
        return models;
    }

    private static void CheckZip(MemoryStream buffer, string what)
    {
        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count == 0)
                throw new InvalidDataException($"{what} is an empty zip archive, not an ML.NET model.");
        }
        catch (InvalidDataException e) when (!e.Message.Contains("empty zip archive", StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"{what} is not a zip archive ({buffer.Length} bytes), so it is not an ML.NET model: {e.Message}", e);
        }
    }

    private static GanSavedModel Single(IReadOnlyList<GanSavedModel> models, string what)
    {
        if (models.Count > 1)
        {
            throw new InvalidDataException(
                $"{what} holds {models.Count} GAN models; use GanModelLoader.LoadAll to read them all.");
        }
        return models[0];
    }

    private static void Collect(ITransformer transformer, List<GanSavedModel> found)
    {
        if (transformer is not IEnumerable<ITransformer> chain)
            return;
        var steps = chain.ToArray();
        for (int i = 0; i + 1 < steps.Length; i++)
        {
            if (steps[i] is StatefulCustomMappingTransformer<NoInputColumns, RowIndexRow, RowIndexState> keyStep
                && steps[i + 1] is ValueMappingTransformer payloadStep)
            {
                found.Add(ReadRecord(keyStep, payloadStep));
            }
        }
        foreach (var step in steps)
            Collect(step, found);
    }

    private static GanSavedModel ReadRecord(ITransformer keyStep, ITransformer payloadStep)
    {
        // One row through the first two steps: key 1, then the value mapping yields the record as base64.
        var view = payloadStep.Transform(keyStep.Transform(new RowCountDataView(1)));
        var column = view.Schema.GetColumnOrNull(GanChainColumns.Payload) ?? throw new InvalidDataException(
            $"The saved GAN model's value mapping does not produce the '{GanChainColumns.Payload}' column: the model is corrupt.");
        using var cursor = view.GetRowCursor([column]);
        if (column.Type is not TextDataViewType)
            throw new InvalidDataException($"The saved GAN model's '{GanChainColumns.Payload}' column is {column.Type}, not text: the model is corrupt.");
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> text = default;
        if (!cursor.MoveNext())
            throw new InvalidDataException("The saved GAN model's payload steps produced no row: the model is corrupt.");
        getter(ref text);
        return GanSavedModel.FromBytes(PayloadText.Decode(text.Span));
    }

    private static string Describe(ITransformer transformer)
    {
        var names = new List<string>();
        void Walk(ITransformer t)
        {
            if (t is IEnumerable<ITransformer> chain)
            {
                foreach (var step in chain)
                    Walk(step);
            }
            else
            {
                names.Add(t.GetType().Name);
            }
        }
        Walk(transformer);
        return names.Count == 0 ? "no transformers" : string.Join(", ", names);
    }
}
