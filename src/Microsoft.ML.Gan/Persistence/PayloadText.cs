namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The model record travels through ML.NET's value mapping as base64 text: a text value is handed to every row
/// without copying, where a byte vector would be copied (and allocated) for each row.
/// </summary>
internal static class PayloadText
{
    public static string Encode(byte[] record) => Convert.ToBase64String(record);

    /// <exception cref="InvalidDataException">The text is empty or not base64.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            throw new InvalidDataException($"The saved GAN model's '{GanChainColumns.Payload}' value is empty: the model is corrupt.");
        var bytes = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(text, bytes, out int written))
            throw new InvalidDataException($"The saved GAN model's '{GanChainColumns.Payload}' value is not base64: the model is corrupt.");
        return written == bytes.Length ? bytes : bytes[..written];
    }
}
