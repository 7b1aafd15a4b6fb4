namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>How a <see cref="DataTransformer"/> encodes continuous columns.</summary>
internal enum ContinuousEncoding
{
    /// <summary>CTGAN's mode-specific normalization (<see cref="ContinuousEncoder"/>).</summary>
    ModeSpecific,

    /// <summary>TabDDPM's quantile normalization to normal scores (<see cref="QuantileEncoder"/>).</summary>
    Quantile,
}
