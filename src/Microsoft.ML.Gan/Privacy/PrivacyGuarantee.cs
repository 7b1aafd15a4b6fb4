namespace Microsoft.ML.Gan.Privacy;

/// <summary>An (ε, δ)-differential-privacy guarantee and the Rényi order that gave it.</summary>
/// <param name="Epsilon">ε (may be +∞ when no order gives a finite bound).</param>
/// <param name="Delta">δ.</param>
/// <param name="Order">The Rényi order α at which the bound is attained (NaN when ε is +∞ or nothing was spent).</param>
public readonly record struct PrivacyGuarantee(double Epsilon, double Delta, double Order)
{
    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"(ε = {Epsilon:G4}, δ = {Delta:G3}) at order α = {Order}");
}
