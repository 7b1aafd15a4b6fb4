using System.Collections.Concurrent;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Maps a payload's family name to the code that turns its body back into a generator. Every family registers
/// itself once per process (typically from its transformer's static constructor or its catalog extension) before a
/// model of that family is loaded with <c>mlContext.Model.Load</c> and transformed.
/// </summary>
internal static class GanPayloadRegistry
{
    private static readonly ConcurrentDictionary<string, Func<byte[], IRowGenerator>> Factories = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers the deserializer of a family. Registering the same family again replaces its deserializer.
    /// </summary>
    /// <param name="family">The name written into <see cref="GanPayload.Family"/> by the family.</param>
    /// <param name="factory">Builds a generator from <see cref="GanPayload.Body"/>; the caller owns the result.</param>
    /// <exception cref="ArgumentException">The family name is blank.</exception>
    /// <exception cref="ArgumentNullException">The factory is null.</exception>
    public static void Register(string family, Func<byte[], IRowGenerator> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(factory);
        Factories[family] = factory;
    }

    /// <summary>Whether a deserializer is registered for the family.</summary>
    public static bool IsRegistered(string family) => Factories.ContainsKey(family);

    /// <summary>The registered family names, sorted.</summary>
    public static IReadOnlyList<string> RegisteredFamilies => Factories.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Builds the generator a payload describes, using its family's registered deserializer.</summary>
    /// <exception cref="InvalidOperationException">No deserializer is registered for the payload's family.</exception>
    /// <exception cref="InvalidDataException">The family's deserializer rejected the body, or returned nothing.</exception>
    public static IRowGenerator CreateGenerator(GanPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!Factories.TryGetValue(payload.Family, out var factory) && !TryLoadFamilyAssembly(payload.Family, out factory))
        {
            string known = Factories.IsEmpty ? "none" : string.Join(", ", RegisteredFamilies.Select(f => $"'{f}'"));
            throw new InvalidOperationException(
                $"The model holds a generator of GAN family '{payload.Family}', but no deserializer is registered for that family " +
                $"(registered: {known}). Reference the assembly that defines the family and let it register itself " +
                $"(GanPayloadRegistry.Register(\"{payload.Family}\", ...)) before transforming with the loaded model.");
        }
        IRowGenerator? generator;
        try
        {
            generator = factory(payload.Body.ToArray());
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InvalidDataException))
        {
            throw new InvalidDataException(
                $"The deserializer of GAN family '{payload.Family}' could not read the stored generator: {e.Message}", e);
        }
        return generator ?? throw new InvalidDataException(
            $"The deserializer of GAN family '{payload.Family}' returned no generator.");
    }

    /// <summary>
    /// Family names start with the name of the assembly that defines them (e.g. "Microsoft.ML.Gan.Images.Dcgan" lives
    /// in Microsoft.ML.Gan.Images). A model loaded in a process that has not touched that assembly yet would find no
    /// deserializer, so load the longest assembly named by a prefix of the family and run its module initializer,
    /// where families register themselves.
    /// </summary>
    private static bool TryLoadFamilyAssembly(string family, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Func<byte[], IRowGenerator>? factory)
    {
        string[] parts = family.Split('.');
        for (int length = parts.Length; length >= 1; length--)
        {
            string assemblyName = string.Join('.', parts, 0, length);
            try
            {
                var assembly = System.Reflection.Assembly.Load(new System.Reflection.AssemblyName(assemblyName));
                System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
            {
                continue;
            }
            if (Factories.TryGetValue(family, out factory))
                return true;
        }
        factory = null;
        return false;
    }
}
