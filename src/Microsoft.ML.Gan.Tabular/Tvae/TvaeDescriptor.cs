using System.Runtime.CompilerServices;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary><c>mlgan fit --synthesizer tvae</c>: TVAE, trained for the epochs or steps given (300 epochs and at least 2,000 steps by default); the target is its <see cref="TvaeOptions.LabelColumn"/>.</summary>
internal static class TvaeDescriptor
{
    /// <summary>Registers the family with the command line when the assembly loads.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: the family registers itself from its folder.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => TabularSynthesizers.Register(new("tvae", "TVAE", (mlContext, settings) =>
    {
        var options = new TvaeOptions { MaxSteps = settings.Steps, LabelColumn = settings.Target };
        if (settings.Epochs is int epochs)
            options.Epochs = epochs;
        return mlContext.Gan().Tabular.Tvae(settings.ApplyTo(options));
    })
    {
        SupportsTarget = true,
        DefaultLength = string.Create(CultureInfo.InvariantCulture, $"300 epochs, at least {TvaeOptions.DefaultMinimumSteps:N0} steps"),
    });
}
