namespace Microsoft.ML.Gan.Testing;

/// <summary>
/// Calls what <c>mlContext.CancelExecution()</c> (Microsoft.ML.Experimental, not served here) calls: the context's
/// internal <c>CancelExecution()</c>, which cancels its environment and every host registered from it.
/// </summary>
internal static class MLContextCancellation
{
    public static void CancelExecution(MLContext mlContext) =>
        typeof(MLContext).GetMethod("CancelExecution", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, Type.EmptyTypes)!
            .Invoke(mlContext, null);
}
