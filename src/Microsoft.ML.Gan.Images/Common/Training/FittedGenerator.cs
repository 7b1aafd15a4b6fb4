namespace Microsoft.ML.Gan.Images.Training;

/// <summary>Keeps the generator the engine returns after the training problem (and its networks) is disposed.</summary>
internal static class FittedGenerator
{
    /// <summary>
    /// Copies the weights of <paramref name="trained"/> into <paramref name="fresh"/> (on the CPU) and disposes
    /// <paramref name="trained"/> when it is the engine's separate EMA copy rather than the problem's own generator.
    /// </summary>
    public static T Keep<T>(nn.Module trained, nn.Module problemGenerator, T fresh) where T : nn.Module
    {
        ModuleBytes.Load(fresh, ModuleBytes.Save(trained));
        if (!ReferenceEquals(trained, problemGenerator))
            trained.Dispose();
        return fresh;
    }
}
