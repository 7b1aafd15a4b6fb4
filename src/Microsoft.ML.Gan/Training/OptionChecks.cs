namespace Microsoft.ML.Gan.Training;

/// <summary>The range check of every options class, with one message shape: "{option} is {value}; expected {expected}."</summary>
internal static class OptionChecks
{
    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> for <paramref name="option"/> unless the condition holds.</summary>
    public static void Require(bool condition, string option, object? value, string expected)
    {
        if (!condition)
            throw new ArgumentOutOfRangeException(option, value, $"{option} is {value ?? "null"}; expected {expected}.");
    }
}
