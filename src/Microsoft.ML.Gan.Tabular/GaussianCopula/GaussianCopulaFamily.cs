using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary>
/// The Gaussian copula's payload body, version 1: the format version, the fitted quantile transformer, the variables'
/// slot frequencies, the correlation matrix, then the output columns learned from the file's metadata
/// (<see cref="SyntheticCompletion"/>) or their absence. Registered as a tabular family when the assembly loads, so a
/// model saves, loads (<c>mlContext.Model.Load</c> and <see cref="CtganModel.Load(MLContext, string)"/>) and
/// conditions by an input column like CTGAN's.
/// </summary>
internal static class GaussianCopulaFamily
{
    public const string Name = "Microsoft.ML.Gan.Tabular.GaussianCopula";
    public const string ConditionedName = "Microsoft.ML.Gan.Tabular.GaussianCopula.Conditioned";
    internal const int Version = 1;

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => CtganFamily.RegisterTabular(Name, ConditionedName, Read);

    public static byte[] Write(GaussianCopulaGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            generator.Transformer.Save(writer);
            writer.Write(generator.Variables.Count);
            foreach (var frequencies in generator.Variables.Frequencies)
            {
                writer.Write(frequencies.Length);
                foreach (double frequency in frequencies)
                    writer.Write(frequency);
            }
            foreach (double entry in generator.Correlation)
                writer.Write(entry);
            SyntheticCompletion.WriteOptional(writer, generator.Completion);
        }
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The body has another format version, or its parts do not fit together.</exception>
    public static GaussianCopulaGenerator Read(byte[] body)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        TabularPayloadVersion.Read(reader, "Gaussian copula", Version);
        var transformer = DataTransformer.Load(reader);
        var spans = transformer.Spans;
        int count = reader.ReadInt32();
        if (count != spans.Count)
            throw new InvalidDataException($"The Gaussian copula model has {count} variables; its transformer has {spans.Count} spans.");
        var frequencies = new double[count][];
        for (int v = 0; v < count; v++)
        {
            int slots = reader.ReadInt32();
            if (slots != (spans[v].Kind == SpanKind.Categorical ? spans[v].Length : 0))
                throw new InvalidDataException($"The Gaussian copula model's variable {v} (column '{spans[v].ColumnName}') has {slots} slot frequencies for a span of {spans[v].Length}.");
            frequencies[v] = new double[slots];
            for (int s = 0; s < slots; s++)
                frequencies[v][s] = Checked(reader.ReadDouble(), 0, 1, "slot frequency");
        }
        var correlation = new double[count * count];
        for (int i = 0; i < correlation.Length; i++)
            correlation[i] = Checked(reader.ReadDouble(), -1, 1, "correlation");
        return new GaussianCopulaGenerator(transformer, new CopulaVariables(spans, frequencies), correlation)
        {
            Completion = SyntheticCompletion.ReadOptional(reader),
        };
    }

    private static double Checked(double value, double min, double max, string what) => value >= min && value <= max
        ? value
        : throw new InvalidDataException($"The Gaussian copula model has a {what} of {value}, outside [{min}, {max}].");
}
