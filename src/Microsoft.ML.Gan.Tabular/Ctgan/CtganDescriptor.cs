using System.Runtime.CompilerServices;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary><c>mlgan fit --synthesizer ctgan</c>: CTGAN, or DP-CTGAN with a privacy budget; the target is its <see cref="CtganOptions.LabelColumn"/>.</summary>
internal static class CtganDescriptor
{
    /// <summary>Registers the family with the command line when the assembly loads.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: the family registers itself from its folder.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => TabularSynthesizers.Register(
        new("ctgan", "CTGAN", (mlContext, settings) => mlContext.Gan().Tabular.Ctgan(Options(settings)))
        {
            SupportsTarget = true,
            SupportsPrivacy = true,
            DefaultLength = string.Create(CultureInfo.InvariantCulture, $"300 epochs, at least {CtganOptions.DefaultMinimumGeneratorSteps:N0} steps (300 epochs with --dp-epsilon)"),
        });

    private static CtganOptions Options(SynthesizerSettings settings)
    {
        var options = settings.Privacy is { } privacy ? CtganOptions.DifferentiallyPrivate(privacy.Epsilon, privacy.Delta) : new CtganOptions();
        if (options.Privacy is not null)
            settings.Privacy!.Tune(options.Privacy);
        if (settings.Epochs is int epochs)
            options.Epochs = epochs;
        options.MaxSteps = settings.Steps;
        options.LabelColumn = settings.Target;
        return settings.ApplyTo(options);
    }
}
