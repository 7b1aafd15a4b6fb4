namespace Microsoft.ML.Gan.Torch;

/// <summary>Serializes module weights (state dict) to bytes and back, without side files.</summary>
internal static class ModuleBytes
{
    /// <summary>Writes the module's state dict to a byte array.</summary>
    public static byte[] Save(nn.Module module)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            module.save(writer);
        return stream.ToArray();
    }

    /// <summary>Loads a state dict written by <see cref="Save"/> into a module of the same architecture.</summary>
    /// <exception cref="InvalidDataException">The bytes do not hold weights for this architecture.</exception>
    public static void Load(nn.Module module, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = new BinaryReader(stream);
        try
        {
            module.load(reader, strict: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"The stored weights do not match the network architecture: {e.Message}", e);
        }
    }

    /// <summary>Writes the module's weights into a record: their byte count (32-bit) and the bytes.</summary>
    public static void Write(BinaryWriter writer, nn.Module module)
    {
        byte[] weights = Save(module);
        writer.Write(weights.Length);
        writer.Write(weights);
    }

    /// <summary>Reads weights written by <see cref="Write(BinaryWriter, nn.Module)"/> into <paramref name="module"/> and returns it.</summary>
    /// <exception cref="InvalidDataException">The record is truncated or does not hold weights for this architecture.</exception>
    public static T Read<T>(BinaryReader reader, T module) where T : nn.Module
    {
        int length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException($"The stored weights claim {length} bytes but {reader.BaseStream.Length - reader.BaseStream.Position} are left: the model is corrupt.");
        Load(module, reader.ReadBytes(length));
        return module;
    }
}
