namespace Microsoft.ML.Gan.Training;

/// <summary>Checks a network's gradients for NaN/Inf and optionally clips their global norm (the engine's guard, also used by non-adversarial trainers such as TVAE's).</summary>
internal static class GradientGuard
{
    /// <summary>
    /// Returns false (and clears the gradients) when the loss or any gradient is not finite; otherwise clips to
    /// <paramref name="maxNorm"/> when given and returns true.
    /// </summary>
    public static bool Check(IReadOnlyList<Parameter> parameters, double loss, double? maxNorm)
    {
        bool finite = double.IsFinite(loss) && double.IsFinite(TotalNorm(parameters));
        if (!finite)
        {
            foreach (var parameter in parameters)
                parameter.grad?.zero_();
            return false;
        }
        if (maxNorm is double limit)
            nn.utils.clip_grad_norm_(parameters, limit);
        return true;
    }

    private static double TotalNorm(IReadOnlyList<Parameter> parameters)
    {
        using var scope = NewDisposeScope();
        var norms = parameters.Where(p => p.grad is not null).Select(p => p.grad!.norm()).ToArray();
        return norms.Length == 0 ? 0 : stack(norms).norm().item<float>();
    }
}
