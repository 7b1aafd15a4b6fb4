namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Generators deserialized by loaded models, keyed by payload id, so that each cursor of a loaded model (and each
/// prediction engine) deserializes the network at most once per process while it stays among the most recently used.
/// Evicted generators are not disposed, since a cursor may still use them; the garbage collector frees them.
/// </summary>
internal static class LoadedGeneratorCache
{
    /// <summary>How many distinct generators stay cached.</summary>
    public const int Capacity = 8;

    private static readonly object Gate = new();
    private static readonly LinkedList<(Guid Id, IRowGenerator Generator)> Entries = new();

    /// <summary>The generator and settings that a model record (the payload column's bytes) describes.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a GAN model record.</exception>
    /// <exception cref="InvalidOperationException">The payload's family is not registered.</exception>
    public static (IRowGenerator Generator, GanGenerationSettings Settings) Resolve(ReadOnlySpan<byte> record)
    {
        int payloadStart = GanSavedModel.ReadHeader(record, out var settings);
        var payloadBytes = record[payloadStart..];
        Guid id = GanPayload.ReadId(payloadBytes);
        lock (Gate)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Id == id)
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return (node.Value.Generator, settings);
                }
            }
        }
        var generator = GanPayloadRegistry.CreateGenerator(GanPayload.FromBytes(payloadBytes));
        lock (Gate)
        {
            foreach (var entry in Entries)
            {
                if (entry.Id == id)
                {
                    generator.Dispose();
                    return (entry.Generator, settings);
                }
            }
            Entries.AddFirst((id, generator));
            while (Entries.Count > Capacity)
                Entries.RemoveLast();
        }
        return (generator, settings);
    }

    /// <summary>Forgets every cached generator (for tests that count deserializations).</summary>
    public static void Clear()
    {
        lock (Gate)
            Entries.Clear();
    }
}
