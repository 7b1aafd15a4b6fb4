using System.Runtime.CompilerServices;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// <c>mlgan fit --synthesizer tabddpm</c> (the command line's default): TabDDPM with the target as its
/// <see cref="TabDdpmOptions.LabelColumn"/>; its own defaults (training length from the table's size, batch 1024, the
/// 50-step sampler) unless <c>--epochs</c>, <c>--steps</c> or <c>--batch-size</c> say otherwise.
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
            DefaultLength = string.Create(CultureInfo.InvariantCulture,
                $"{TabDdpmOptions.DefaultEpochs} epochs, at least {TabDdpmOptions.DefaultMinimumSteps:N0} and at most {TabDdpmOptions.DefaultMaximumSteps:N0} steps"),
            DefaultBatchSize = new TabDdpmOptions().BatchSize,
        });

    private static TabDdpmOptions Options(SynthesizerSettings settings)
    {
        var options = new TabDdpmOptions
        {
            Epochs = settings.Epochs,
            Steps = settings.Steps is long steps ? checked((int)steps) : null,
            LabelColumn = settings.Target,
        };
        return settings.ApplyTo(options);
    }
}
