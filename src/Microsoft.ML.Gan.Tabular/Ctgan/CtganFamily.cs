using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Tabular.Privacy;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// CTGAN's payload body: a format version, the generator's shape, the fitted data transformer, the generator's weights,
/// then (version 2) whether the fit was differentially private and, if so, what it spent; version 2 also writes the
/// generator kind (CTGAN's residual generator or TVAE's decoder) right after the version. Version 3 drops the exact
/// count of rows left out of a DP fit from the privacy report. Version 4 ends with the output columns that the model
/// learned from the file's metadata (<see cref="SyntheticCompletion"/>), or their absence. Version 5 writes, after the
/// kind, the label column that conditions a TVAE decoder, or its absence. Versions 1 to 4 still load (a version 2
/// count is skipped; versions before 4 have no output columns, before 5 no label).
/// A model conditioned by an input column (<see cref="ConditionedName"/>) writes the training column's name first.
/// Other tabular generator families (TabDDPM) register here too (<see cref="RegisterTabular"/>), so that
/// <see cref="CtganModel"/> saves and loads them the same way.
/// </summary>
internal static class CtganFamily
{
    public const string Name = "Microsoft.ML.Gan.Tabular.Ctgan";
    public const string ConditionedName = "Microsoft.ML.Gan.Tabular.Ctgan.Conditioned";
    internal const int Version = 5;

    /// <summary>The plain families of <see cref="TabularGenerator"/>s (CTGAN's, TabDDPM's) and their readers.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Conditioned, Func<byte[], TabularGenerator> Read)> Tabular = new(StringComparer.Ordinal);

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => RegisterTabular(Name, ConditionedName, bytes => Read(bytes, CPU));

    /// <summary>
    /// Registers a tabular generator family and its conditioned form (the column's name, then the plain body) with the
    /// payload registry, and makes <see cref="CtganModel.Load(MLContext, string)"/> accept them.
    /// </summary>
    public static void RegisterTabular(string name, string conditionedName, Func<byte[], TabularGenerator> read)
    {
        Tabular[name] = (conditionedName, read);
        Tabular[conditionedName] = (conditionedName, read);
        GanPayloadRegistry.Register(name, bytes => read(bytes));
        GanPayloadRegistry.Register(conditionedName, bytes => ReadConditioned(bytes, read));
    }

    /// <summary>Whether a payload family is one of the tabular synthesizers' (plain or conditioned).</summary>
    public static bool IsTabular(string family) => Tabular.ContainsKey(family);

    /// <summary>A fresh generator equal to <paramref name="generator"/> (its body written and read back).</summary>
    public static TabularGenerator Copy(TabularGenerator generator) => Tabular[generator.Family].Read(generator.Write());

    /// <summary>The family name and body of a plain or conditioned generator.</summary>
    public static (string Family, byte[] Body) Write(IRowGenerator generator) => generator switch
    {
        TabularGenerator plain => (plain.Family, plain.Write()),
        CtganConditionedGenerator conditioned => (conditioned.Inner.ConditionedFamily, WriteConditioned(conditioned)),
        _ => throw new ArgumentException($"{generator.GetType().Name} is not a tabular generator.", nameof(generator)),
    };

    private static byte[] WriteConditioned(CtganConditionedGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(generator.ColumnName);
            writer.Write(generator.Inner.Write());
        }
        return stream.ToArray();
    }

    private static CtganConditionedGenerator ReadConditioned(byte[] body, Func<byte[], TabularGenerator> read)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        string column = reader.ReadString();
        byte[] inner = reader.ReadBytes(body.Length - (int)reader.BaseStream.Position);
        return new CtganConditionedGenerator(read(inner), column);
    }

    public static byte[] Write(CtganGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write((int)generator.Architecture.Kind);
            writer.Write(generator.Architecture.LabelColumn is not null);
            if (generator.Architecture.LabelColumn is { } label)
                writer.Write(label);
            generator.Architecture.Write(writer);
            generator.Transformer.Save(writer);
            byte[] weights = ModuleBytes.Save(generator.Network);
            writer.Write(weights.Length);
            writer.Write(weights);
            writer.Write(generator.Privacy is not null);
            generator.Privacy?.Write(writer);
            SyntheticCompletion.WriteOptional(writer, generator.Completion);
        }
        return stream.ToArray();
    }

    public static CtganGenerator Read(byte[] body, Device device)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        int version = TabularPayloadVersion.Read(reader, "CTGAN", Version);
        var kind = version >= 2 ? (GeneratorKind)reader.ReadInt32() : GeneratorKind.CtganResidual;
        if (!Enum.IsDefined(kind))
            throw new InvalidDataException($"The tabular model has an unknown generator kind {(int)kind}.");
        string? label = version >= 5 && reader.ReadBoolean() ? reader.ReadString() : null;
        var architecture = CtganArchitecture.Read(reader) with { Kind = kind, LabelColumn = label };
        var transformer = DataTransformer.Load(reader);
        byte[] weights = reader.ReadBytes(reader.ReadInt32());
        var network = CtganNetworks.CreateGenerator(architecture);
        ModuleBytes.Load(network, weights);
        var privacy = version >= 2 && reader.ReadBoolean() ? TabularPrivacyReport.Read(reader, withDroppedRows: version == 2) : null;
        return new CtganGenerator(transformer, architecture, TorchSharp.ModuleExtensionMethods.to(network, device), device)
        {
            Privacy = privacy,
            Completion = version >= 4 ? SyntheticCompletion.ReadOptional(reader) : null,
        };
    }
}
