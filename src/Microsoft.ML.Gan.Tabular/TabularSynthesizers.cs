using System.Collections.Concurrent;

namespace Microsoft.ML.Gan.Tabular;

/// <summary>
/// The tabular synthesizer families the command line offers, each registered by its own folder when the assembly
/// loads (a module initializer beside its estimator), listed by name.
/// </summary>
internal static class TabularSynthesizers
{
    private static readonly ConcurrentDictionary<string, TabularSynthesizerDescriptor> Registered = new(StringComparer.Ordinal);

    /// <summary>Every family, ordered by name.</summary>
    public static IReadOnlyList<TabularSynthesizerDescriptor> All => [.. Registered.Values.OrderBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>
    /// The family <c>mlgan fit</c> trains when no <c>--synthesizer</c> is given, each the public suite's winner for the
    /// case (benchmarks/BENCHMARKS.md, "tabular-suite"): TabDDPM without a target or with a continuous one; TVAE with a
    /// categorical target (a conditional VAE steered by the auxiliary classifier: 0.985 of the real-trained ROC-AUC on
    /// the binary tables against TabDDPM's 0.962 with the same label, and sampling about a hundred times faster); with a
    /// privacy budget the first family that trains with differential privacy (CTGAN), as no other can.
    /// </summary>
    /// <param name="privacy">Whether a privacy budget is given.</param>
    /// <param name="categoricalTarget">Whether a target is given and the table reads it as a categorical column.</param>
    public static TabularSynthesizerDescriptor Default(bool privacy, bool categoricalTarget = false) =>
        privacy ? All.First(d => d.SupportsPrivacy) : Find(categoricalTarget ? "tvae" : "tabddpm");

    /// <summary>Adds a family (a later registration of the same name replaces it).</summary>
    public static void Register(TabularSynthesizerDescriptor descriptor) => Registered[descriptor.Name] = descriptor;

    /// <summary>The family named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No family has that name (the message lists the names).</exception>
    public static TabularSynthesizerDescriptor Find(string name) => Registered.TryGetValue(name, out var descriptor)
        ? descriptor
        : throw new ArgumentException($"Unknown synthesizer '{name}'; choose from {string.Join(", ", All.Select(d => d.Name))}.", nameof(name));

    /// <summary>The names of the families that satisfy <paramref name="predicate"/>, as "a, b and c".</summary>
    public static string Names(Func<TabularSynthesizerDescriptor, bool> predicate)
    {
        string[] names = [.. All.Where(predicate).Select(d => d.Name)];
        return names.Length <= 1 ? string.Join("", names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
