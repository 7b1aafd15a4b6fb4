using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Persistence;

/// <summary>
/// A real, tiny generator family for the persistence tests: a seeded TorchSharp Linear layer applied to
/// standard-normal noise drawn from a torch.Generator seeded from (seed, block index).
/// </summary>
internal sealed class LinearTestGenerator : IRowGenerator
{
    public const string Family = "Microsoft.ML.Gan.Tests.Linear";

    private static int _deserializations;

    private readonly nn.Module<Tensor, Tensor> _layer;

    public LinearTestGenerator(int latentSize, int outputLength, long weightSeed)
    {
        LatentSize = latentSize;
        OutputLength = outputLength;
        using (torch.no_grad())
        {
            _layer = nn.Linear(latentSize, outputLength);
            using var g = new torch.Generator((ulong)weightSeed);
            foreach (var p in _layer.parameters())
                p.copy_(torch.randn(p.shape, generator: g));
        }
        _layer.eval();
    }

    private LinearTestGenerator(int latentSize, int outputLength, byte[] weights)
    {
        LatentSize = latentSize;
        OutputLength = outputLength;
        _layer = nn.Linear(latentSize, outputLength);
        ModuleBytes.Load(_layer, weights);
        _layer.eval();
    }

    /// <summary>How many times any payload of this family was deserialized.</summary>
    public static int Deserializations => Volatile.Read(ref _deserializations);

    public int LatentSize { get; }

    public int OutputLength { get; }

    public static void Register() => GanPayloadRegistry.Register(Family, Deserialize);

    public static IRowGenerator Deserialize(byte[] body)
    {
        using var reader = new BinaryReader(new MemoryStream(body));
        int latent = reader.ReadInt32();
        int output = reader.ReadInt32();
        byte[] weights = reader.ReadBytes(body.Length - 8);
        Interlocked.Increment(ref _deserializations);
        return new LinearTestGenerator(latent, output, weights);
    }

    public byte[] SerializeBody()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(LatentSize);
            writer.Write(OutputLength);
            writer.Write(ModuleBytes.Save(_layer));
        }
        return stream.ToArray();
    }

    public void GenerateBlock(long seed, long blockIndex, Span<float> destination) =>
        Generate(Mix(seed, blockIndex), GanRowStream.BlockSize, destination);

    public void GenerateFromSeed(long rowSeed, Span<float> destination) =>
        Generate(Mix(rowSeed, -1), 1, destination);

    private void Generate(ulong noiseSeed, int rows, Span<float> destination)
    {
        if (destination.Length != rows * OutputLength)
            throw new ArgumentException($"Expected {rows * OutputLength} floats, got {destination.Length}.", nameof(destination));
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var g = new torch.Generator(noiseSeed);
        var noise = torch.randn([rows, LatentSize], generator: g);
        var output = _layer.forward(noise).contiguous();
        output.data<float>().CopyTo(destination);
    }

    // SplitMix64 finalizer over (seed, index): distinct streams for distinct pairs.
    private static ulong Mix(long seed, long index)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void Dispose() => _layer.Dispose();
}
