using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Tests.Persistence;

/// <summary>The thin public transformer a family writes on top of <see cref="GanTransformerBase"/>.</summary>
internal sealed class TestGanTransformer : GanTransformerBase
{
    private readonly LinearTestGenerator _generator;
    private readonly string _family;

    public TestGanTransformer(MLContext mlContext, LinearTestGenerator generator, GanGenerationSettings settings,
        string family = LinearTestGenerator.Family)
        : base(mlContext, generator, settings)
    {
        _generator = generator;
        _family = family;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public LinearTestGenerator TypedGenerator => _generator;

    private protected override GanPayload CreatePayload() => new(_family, Id, _generator.SerializeBody());

    public static TestGanTransformer Create(MLContext mlContext, int outputLength, GanGenerationSettings? settings = null,
        int latentSize = 4, long weightSeed = 7, string family = LinearTestGenerator.Family)
    {
        LinearTestGenerator.Register();
        return new TestGanTransformer(mlContext, new LinearTestGenerator(latentSize, outputLength, weightSeed),
            settings ?? new GanGenerationSettings(seed: 123), family);
    }
}
