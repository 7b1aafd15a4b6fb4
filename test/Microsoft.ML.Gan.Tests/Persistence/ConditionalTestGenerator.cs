using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Persistence;

/// <summary>
/// A real, tiny conditional generator for the bridge tests: a seeded Linear layer over [noise, condition] where the
/// condition is the given vector, or the one-hot of a category index. Noise comes from the row seed only.
/// </summary>
internal sealed class ConditionalTestGenerator : IConditionalRowGenerator
{
    public const string Family = "Microsoft.ML.Gan.Tests.Conditional";
    private const int LatentSize = 3;

    private readonly nn.Module<Tensor, Tensor> _layer;
    private readonly int _inputWidth;

    public ConditionalTestGenerator(int outputLength, int conditionLength, string[]? categories, long weightSeed = 11)
    {
        OutputLength = outputLength;
        ConditionLength = categories is null ? conditionLength : 1;
        ConditionCategories = categories;
        _inputWidth = LatentSize + (categories?.Length ?? conditionLength);
        _layer = nn.Linear(_inputWidth, outputLength);
        using (torch.no_grad())
        {
            using var g = new torch.Generator((ulong)weightSeed);
            foreach (var p in _layer.parameters())
                p.copy_(torch.randn(p.shape, generator: g));
        }
        _layer.eval();
    }

    public int OutputLength { get; }

    public int ConditionLength { get; }

    public IReadOnlyList<string>? ConditionCategories { get; }

    public static void Register() => GanPayloadRegistry.Register(Family, Deserialize);

    private static IRowGenerator Deserialize(byte[] body)
    {
        using var reader = new BinaryReader(new MemoryStream(body));
        int output = reader.ReadInt32(), length = reader.ReadInt32(), count = reader.ReadInt32();
        string[]? categories = count < 0 ? null : Enumerable.Range(0, count).Select(_ => reader.ReadString()).ToArray();
        var generator = new ConditionalTestGenerator(output, length, categories);
        ModuleBytes.Load(generator._layer, reader.ReadBytes(reader.ReadInt32()));
        return generator;
    }

    public byte[] SerializeBody()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(OutputLength);
            writer.Write(ConditionLength);
            writer.Write(ConditionCategories?.Count ?? -1);
            foreach (string category in ConditionCategories ?? [])
                writer.Write(category);
            byte[] weights = ModuleBytes.Save(_layer);
            writer.Write(weights.Length);
            writer.Write(weights);
        }
        return stream.ToArray();
    }

    public void GenerateConditioned(long rowSeed, ReadOnlySpan<float> condition, Span<float> destination)
    {
        var features = new float[_inputWidth - LatentSize];
        if (ConditionCategories is null)
            condition.CopyTo(features);
        else
            features[(int)condition[0]] = 1;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var g = new torch.Generator((ulong)NoiseSeeds.ForRow(rowSeed));
        var input = torch.cat([torch.randn([1, LatentSize], generator: g), torch.tensor(features).unsqueeze(0)], 1);
        _layer.forward(input).contiguous().data<float>().CopyTo(destination);
    }

    public void GenerateBlock(long seed, long blockIndex, Span<float> destination)
    {
        var zero = new float[ConditionLength];
        for (int row = 0; row < GanRowStream.BlockSize; row++)
            GenerateConditioned(NoiseSeeds.ForBlock(seed, blockIndex) + row, zero, destination.Slice(row * OutputLength, OutputLength));
    }

    public void GenerateFromSeed(long rowSeed, Span<float> destination) =>
        GenerateConditioned(rowSeed, new float[ConditionLength], destination);

    /// <summary>An independent copy with the same weights (a transformer owns and disposes its generator).</summary>
    public ConditionalTestGenerator CloneForTest() => (ConditionalTestGenerator)Deserialize(SerializeBody());

    public void Dispose() => _layer.Dispose();
}

/// <summary>The thin transformer over <see cref="ConditionalTestGenerator"/>.</summary>
internal sealed class ConditionalTestTransformer : GanTransformerBase
{
    private readonly ConditionalTestGenerator _generator;
    private readonly Guid _id = Guid.NewGuid();

    public ConditionalTestTransformer(MLContext mlContext, ConditionalTestGenerator generator, GanGenerationSettings settings)
        : base(mlContext, generator, settings) => _generator = generator;

    public ConditionalTestGenerator TypedGenerator => _generator;

    private protected override GanPayload CreatePayload() => new(ConditionalTestGenerator.Family, _id, _generator.SerializeBody());
}
