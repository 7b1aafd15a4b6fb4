using System.Runtime.CompilerServices;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary><c>mlgan fit --synthesizer tvae</c>: TVAE, trained for the epochs or steps given.</summary>
internal static class TvaeDescriptor
{
    /// <summary>Registers the family with the command line when the assembly loads.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: the family registers itself from its folder.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => TabularSynthesizers.Register(new("tvae", "TVAE", (mlContext, settings) =>
        mlContext.Gan().Tabular.Tvae(settings.ApplyTo(new TvaeOptions { Epochs = settings.Epochs, MaxSteps = settings.Steps }))));
}
