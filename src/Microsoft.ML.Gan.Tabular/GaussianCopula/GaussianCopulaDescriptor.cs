using System.Runtime.CompilerServices;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary><c>mlgan fit --synthesizer gaussiancopula</c>: fitted in one pass, so --epochs, --steps, --batch-size and --target do not apply.</summary>
internal static class GaussianCopulaDescriptor
{
    /// <summary>Registers the family with the command line when the assembly loads.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: the family registers itself from its folder.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => TabularSynthesizers.Register(new("gaussiancopula", "Gaussian copula", (mlContext, settings) =>
        mlContext.Gan().Tabular.GaussianCopula(settings.ApplyTo(new GaussianCopulaOptions())))
    {
        TrainsInSteps = false,
    });
}
