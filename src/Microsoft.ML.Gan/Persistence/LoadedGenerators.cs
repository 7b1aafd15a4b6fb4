using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The generators of loaded models. The value mapping of a loaded model hands every row the same base64 string
/// object, so the deserialized generator is attached to that object: each loaded model deserializes its network
/// once, however many cursors or prediction engines use it, and forgets it when the model is collected.
/// </summary>
internal static class LoadedGenerators
{
    private static readonly ConditionalWeakTable<string, Slot> ByRecord = new();

    /// <summary>The generator described by a payload column value (a base64 model record).</summary>
    /// <exception cref="InvalidDataException">The value is empty or not a base64 GAN model record.</exception>
    /// <exception cref="InvalidOperationException">The payload's family is not registered.</exception>
    public static LoadedGenerator Resolve(ReadOnlyMemory<char> record)
    {
        if (MemoryMarshal.TryGetString(record, out string? text, out int start, out int length)
            && start == 0 && length == text.Length)
        {
            var slot = ByRecord.GetValue(text, static _ => new Slot());
            // One deserialization per loaded model even when parallel cursors start together; a failure (e.g. an
            // unregistered family) is not remembered, so registering the family later fixes the model.
            lock (slot)
                return slot.Generator ??= Create(text.AsSpan());
        }
        return Create(record.Span);
    }

    private static LoadedGenerator Create(ReadOnlySpan<char> base64)
    {
        var model = GanSavedModel.FromBytes(PayloadText.Decode(base64));
        return new LoadedGenerator(model.CreateGenerator(), model.Settings);
    }

    private sealed class Slot
    {
        public LoadedGenerator? Generator;
    }
}

/// <summary>A loaded model's generator, its settings, and the blocks its parallel cursors share.</summary>
internal sealed class LoadedGenerator
{
    private readonly SharedBlockCache _blocks;
    private IConditionalRowGenerator? _conditional;

    public LoadedGenerator(IRowGenerator generator, GanGenerationSettings settings)
    {
        Generator = generator;
        Settings = settings;
        _blocks = new SharedBlockCache(generator, settings.Seed);
    }

    public IRowGenerator Generator { get; }

    public GanGenerationSettings Settings { get; }

    /// <summary>A reader for one cursor; stream blocks come from the shared cache.</summary>
    public GeneratedRowSource CreateSource() => new(Generator, Settings.Seed, _blocks);

    /// <summary>
    /// Turns the condition column the saved chain produced (the vector itself, or a one-hot row for a text or key
    /// condition, the index itself for an index condition) into what the generator expects, using <paramref name="scratch"/> for a category index.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no condition column, or the value is not a training category or has the wrong length.</exception>
    public ReadOnlySpan<float> DecodeChainCondition(float[] values, float[] scratch)
    {
        var condition = Settings.Condition
            ?? throw new InvalidOperationException("This saved GAN model has no condition column, but its chain passed a condition.");
        // Checked once per loaded model, not per row.
        var conditional = _conditional ??= ConditionBinding.AsConditional(Generator, condition);
        if (conditional.ConditionCategories is { } categories)
        {
            scratch[0] = condition.Kind == GanConditionKind.Index
                ? ConditionValues.CheckIndex(values, condition.Name, categories)
                : ConditionValues.CategoryOfOneHot(values, condition.Name, categories);
            return scratch.AsSpan(0, 1);
        }
        if (values.Length != conditional.ConditionLength)
            throw ConditionValues.WrongLength(condition.Name, values.Length, conditional.ConditionLength);
        return values;
    }
}
