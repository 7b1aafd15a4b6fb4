using System.Runtime.CompilerServices;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// <c>mlgan fit --synthesizer tabddpm</c>: TabDDPM with the target as its <see cref="TabDdpmOptions.LabelColumn"/>;
/// steps replace its epochs (it counts steps as an int).
/// </summary>
internal static class TabDdpmDescriptor
{
    /// <summary>Registers the family with the command line when the assembly loads.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: the family registers itself from its folder.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => TabularSynthesizers.Register(
        new("tabddpm", "TabDDPM", (mlContext, settings) => mlContext.Gan().Tabular.TabDdpm(Options(settings)))
        {
            SupportsTarget = true,
            MaxSteps = int.MaxValue,
        });

    private static TabDdpmOptions Options(SynthesizerSettings settings)
    {
        var options = new TabDdpmOptions { Epochs = settings.Epochs, LabelColumn = settings.Target };
        if (settings.Steps is long steps)
        {
            options.Epochs = null;
            options.Steps = checked((int)steps);
        }
        return settings.ApplyTo(options);
    }
}
