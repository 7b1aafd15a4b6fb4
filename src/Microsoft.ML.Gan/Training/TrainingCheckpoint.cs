namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Everything needed to resume training exactly: both networks, the EMA generator, both optimizers' states, the step
/// counters and torch's random generator state. Written atomically (temporary file, then rename). A differentially
/// private fit writes no random state (its randomness must stay secret), so its checkpoints cannot be resumed.
/// </summary>
internal static class TrainingCheckpoint
{
    private const string Magic = "MLGAN-CHECKPOINT";
    private const int Version = 1;

    public sealed record State(long Step, long SkippedSteps, List<(double Discriminator, double Generator)> EpochLosses);

    public static void Write(string path, State state, nn.Module generator, nn.Module discriminator, nn.Module? ema,
        OptimizerHelper generatorOptimizer, OptimizerHelper discriminatorOptimizer, bool randomState = true)
    {
        Persistence.AtomicFile.Write(path, overwrite: true, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(state.Step);
            writer.Write(state.SkippedSteps);
            writer.Write(state.EpochLosses.Count);
            foreach (var (d, g) in state.EpochLosses)
            {
                writer.Write(d);
                writer.Write(g);
            }
            writer.Write(ema is not null);
            generator.save(writer);
            discriminator.save(writer);
            ema?.save(writer);
            generatorOptimizer.save_state_dict(writer);
            discriminatorOptimizer.save_state_dict(writer);
            if (randomState)
            {
                using var rng = random.get_rng_state();
                byte[] rngBytes = rng.data<byte>().ToArray();
                writer.Write(rngBytes.Length);
                writer.Write(rngBytes);
            }
            else
            {
                writer.Write(0);
            }
        });
    }

    public static State Read(string path, nn.Module generator, nn.Module discriminator, nn.Module? ema,
        OptimizerHelper generatorOptimizer, OptimizerHelper discriminatorOptimizer)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            if (reader.ReadString() != Magic)
                throw new InvalidDataException($"'{path}' is not a Microsoft.ML.Gan training checkpoint.");
            int version = reader.ReadInt32();
            if (version != Version)
                throw new InvalidDataException($"Checkpoint '{path}' has version {version}; this library reads version {Version}.");
            long step = reader.ReadInt64();
            long skipped = reader.ReadInt64();
            int epochs = reader.ReadInt32();
            var losses = new List<(double, double)>(epochs);
            for (int i = 0; i < epochs; i++)
                losses.Add((reader.ReadDouble(), reader.ReadDouble()));
            bool hasEma = reader.ReadBoolean();
            if (hasEma != (ema is not null))
                throw new InvalidDataException($"Checkpoint '{path}' was written {(hasEma ? "with" : "without")} a generator EMA; the options say the opposite.");
            generator.load(reader);
            discriminator.load(reader);
            ema?.load(reader);
            generatorOptimizer.load_state_dict(reader);
            discriminatorOptimizer.load_state_dict(reader);
            byte[] rngBytes = reader.ReadBytes(reader.ReadInt32());
            if (rngBytes.Length == 0)
                throw new InvalidDataException($"Checkpoint '{path}' holds no random state (a differentially private fit wrote it): it cannot be resumed.");
            using var rng = tensor(rngBytes, dtype: ScalarType.Byte);
            random.set_rng_state(rng);
            return new State(step, skipped, losses);
        }
        catch (Exception e) when (e is EndOfStreamException || e is ArgumentException || e is InvalidOperationException)
        {
            throw new InvalidDataException($"Checkpoint '{path}' is corrupt or was written for other networks: {e.Message}", e);
        }
    }
}
