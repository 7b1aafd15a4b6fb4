namespace Microsoft.ML.Gan.Tabular;

/// <summary>
/// The format version a tabular family's payload body starts with (an int32 written before its fields), read with
/// one check and one message for every family, so a model from a newer library is refused by name instead of misread.
/// </summary>
internal static class TabularPayloadVersion
{
    /// <summary>Reads the version and checks that this library reads it (versions 1 to <paramref name="newest"/>).</summary>
    /// <param name="reader">The body's reader, at its start.</param>
    /// <param name="model">The model's name in the message, e.g. "CTGAN".</param>
    /// <param name="newest">The version this library writes.</param>
    /// <exception cref="InvalidDataException">Another version: "The CTGAN model has format version 9; this library reads versions 1 to 4."</exception>
    public static int Read(BinaryReader reader, string model, int newest)
    {
        int version = reader.ReadInt32();
        if (version < 1 || version > newest)
        {
            string readable = newest == 1 ? "version 1" : $"versions 1 to {newest}";
            throw new InvalidDataException($"The {model} model has format version {version}; this library reads {readable}.");
        }
        return version;
    }
}
