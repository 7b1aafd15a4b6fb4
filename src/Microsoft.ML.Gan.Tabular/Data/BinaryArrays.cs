namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>The arrays of the fitted transformer's binary form: a count, then the values.</summary>
internal static class BinaryArrays
{
    /// <summary>Writes the count, then each value.</summary>
    public static void Write(BinaryWriter writer, IReadOnlyCollection<double> values)
    {
        writer.Write(values.Count);
        foreach (double value in values)
            writer.Write(value);
    }

    /// <summary>Writes the count, then each value.</summary>
    public static void Write(BinaryWriter writer, IReadOnlyCollection<string> values)
    {
        writer.Write(values.Count);
        foreach (string value in values)
            writer.Write(value);
    }

    /// <summary>Reads <paramref name="count"/> values (the count is read and checked by the caller).</summary>
    public static double[] ReadDoubles(BinaryReader reader, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
            values[i] = reader.ReadDouble();
        return values;
    }

    /// <summary>Reads <paramref name="count"/> values (the count is read and checked by the caller).</summary>
    public static string[] ReadStrings(BinaryReader reader, int count)
    {
        var values = new string[count];
        for (int i = 0; i < count; i++)
            values[i] = reader.ReadString();
        return values;
    }
}
