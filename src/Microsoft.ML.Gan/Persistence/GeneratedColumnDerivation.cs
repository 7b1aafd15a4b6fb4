namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// A second output column that a family derives from each generated row, such as the image families' <c>MLImage</c>
/// view of the generated pixels. The live transformer appends it after the generated vector column and computes it
/// from the same row (the generator runs once); the saved chain computes it with <see cref="CreateChainStep"/>.
/// </summary>
internal abstract class GeneratedColumnDerivation
{
    /// <summary>Creates the derivation of the column <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    protected GeneratedColumnDerivation(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The derived column's name.</summary>
    public string Name { get; }

    /// <summary>The derived column's type in the live schema.</summary>
    public abstract DataViewType Type { get; }

    /// <summary>
    /// A <c>ValueGetter&lt;T&gt;</c> of the column's raw type that computes each row's value from
    /// <paramref name="generated"/>, the getter of the generated row.
    /// </summary>
    public abstract Delegate CreateGetter(ValueGetter<VBuffer<float>> generated);

    /// <summary>
    /// The saved chain's step that adds the column named <see cref="Name"/>. It runs after the generation step, while
    /// <see cref="GanChainColumns.Generated"/> (the row, a float vector of unknown size) and
    /// <see cref="GanChainColumns.Payload"/> (the model record) are still present.
    /// </summary>
    public abstract IEstimator<ITransformer> CreateChainStep(MLContext mlContext);

    /// <summary>Temporary columns that <see cref="CreateChainStep"/> adds (they must use <see cref="GanChainColumns.ReservedPrefix"/>); the chain drops them.</summary>
    public virtual IReadOnlyList<string> ChainTemporaryColumns => [];

    /// <summary>
    /// For a chain step's mapping: the generator of the loaded model whose record is <paramref name="payload"/> (the
    /// value of <see cref="GanChainColumns.Payload"/>), deserialized once per loaded model.
    /// </summary>
    /// <exception cref="InvalidDataException">The value is not a GAN model record.</exception>
    protected static IRowGenerator ResolveChainGenerator(ReadOnlyMemory<char> payload) => LoadedGenerators.Resolve(payload).Generator;
}
