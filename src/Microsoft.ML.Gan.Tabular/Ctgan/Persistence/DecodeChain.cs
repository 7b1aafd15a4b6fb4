using System.Reflection;
using Microsoft.ML.Transforms;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence.Mappings;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Ctgan.Persistence;

/// <summary>
/// Builds the saveable steps that turn the decoded-row vector (<see cref="DecodeChainColumns.Row"/>) into the
/// training table's typed columns, in training order: a constant key; then per column a value mapping of the key to
/// the column's slot, a custom mapping that reads the slot as the column's type (a category index for a discrete
/// column), and either a copy to the column's name or a value mapping from category index to category; finally the
/// temporaries are dropped. All steps are built-in ML.NET transformers or custom mappings with fixed contracts, so
/// <c>mlContext.Model.Load</c> rebuilds them without this library's help.
/// </summary>
/// <remarks>
/// A key column's category index maps to its key's name (or raw number when the key has no distinct names), which
/// <c>MapValueToKey</c> over all the key's values turns back into a key of the same count, names as key values.
/// </remarks>
internal static class DecodeChain
{
    private static readonly MethodInfo MapCategoriesMethod =
        typeof(DecodeChain).GetMethod(nameof(MapCategories), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static ITransformer[] Build(MLContext mlContext, TabularTable schema)
    {
        var transforms = mlContext.Transforms;
        IEstimator<ITransformer> pipeline = transforms.CustomMapping<NoInputColumns, DecodeKeyRow>(
            DecodeKeyMapping.Map, DecodeChainColumns.KeyContract);
        for (int c = 0; c < schema.Columns.Count; c++)
        {
            var column = schema.Columns[c];
            pipeline = pipeline.Append(transforms.Conversion.MapValue(DecodeChainColumns.Slot,
                [new KeyValuePair<uint, int>(1u, c * DecodedRows.SlotsPerColumn)], DecodeChainColumns.Key));
            if (column is DiscreteColumn discrete)
            {
                pipeline = pipeline.Append(ValueStep(transforms, typeof(int)));
                if (discrete.Type is KeyDataViewType keyType)
                {
                    pipeline = pipeline.Append(MapKeys(mlContext, discrete, keyType));
                }
                else
                {
                    var categoryType = ColumnTypes.CategoryClrType(discrete.Type);
                    pipeline = pipeline.Append((IEstimator<ITransformer>)MapCategoriesMethod.MakeGenericMethod(categoryType)
                        .Invoke(null, [transforms, discrete.Name, discrete, DecodeChainColumns.Value])!);
                }
            }
            else
            {
                pipeline = pipeline.Append(ValueStep(transforms, column.Type.RawType))
                    .Append(transforms.CopyColumns(column.Name, DecodeChainColumns.Value));
            }
        }
        string[] temporaries = schema.Columns.Any(c => c.Type is KeyDataViewType)
            ? [DecodeChainColumns.Key, DecodeChainColumns.Slot, DecodeChainColumns.Value, DecodeChainColumns.KeyValue, DecodeChainColumns.Row]
            : [DecodeChainColumns.Key, DecodeChainColumns.Slot, DecodeChainColumns.Value, DecodeChainColumns.Row];
        pipeline = pipeline.Append(transforms.DropColumns(temporaries));
        var fitted = (IEnumerable<ITransformer>)pipeline.Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<RowOnly>()));
        return [.. fitted];
    }

    private static IEstimator<ITransformer> MapCategories<TValue>(TransformsCatalog transforms, string outputColumn, DiscreteColumn column,
        string inputColumn)
    {
        var pairs = column.Categories.Select((category, index) => new KeyValuePair<int, TValue>(index, (TValue)category));
        return transforms.Conversion.MapValue(outputColumn, pairs, inputColumn);
    }

    /// <summary>
    /// Category index → the key's name (or raw number) → a key over all the key type's values, in key order, so the
    /// column gets back its key type and count (a missing key, raw value 0, stays missing).
    /// </summary>
    private static IEstimator<ITransformer> MapKeys(MLContext mlContext, DiscreteColumn column, KeyDataViewType keyType)
    {
        var transforms = mlContext.Transforms;
        int count = checked((int)keyType.Count);
        var names = column.KeyValues is { } values && values.Count == count && values.Distinct(StringComparer.Ordinal).Count() == count ? values : null;
        if (names is null)
        {
            var raw = Enumerable.Range(1, count).Select(k => new KeyRow<uint> { Value = (uint)k }).ToArray();
            return MapCategories<uint>(transforms, DecodeChainColumns.KeyValue, column, DecodeChainColumns.Value)
                .Append(transforms.Conversion.MapValueToKey(column.Name, DecodeChainColumns.KeyValue, keyData: mlContext.Data.LoadFromEnumerable(raw)));
        }
        const string missing = "\0missing key";
        var pairs = column.Categories.Select((category, index) =>
            new KeyValuePair<int, string>(index, (uint)category == 0 ? missing : names[(int)(uint)category - 1]));
        var keyData = mlContext.Data.LoadFromEnumerable(names.Select(n => new KeyRow<string> { Value = n }).ToArray());
        return transforms.Conversion.MapValue(DecodeChainColumns.KeyValue, pairs, DecodeChainColumns.Value)
            .Append(transforms.Conversion.MapValueToKey(column.Name, DecodeChainColumns.KeyValue, keyData: keyData));
    }

    private sealed class KeyRow<T>
    {
        public T Value { get; set; } = default!;
    }

    private static IEstimator<ITransformer> ValueStep(TransformsCatalog t, Type type)
    {
        if (type == typeof(float)) return Step<DecodeSingleMapping, float>(t);
        if (type == typeof(double)) return Step<DecodeDoubleMapping, double>(t);
        if (type == typeof(sbyte)) return Step<DecodeSByteMapping, sbyte>(t);
        if (type == typeof(byte)) return Step<DecodeByteMapping, byte>(t);
        if (type == typeof(short)) return Step<DecodeInt16Mapping, short>(t);
        if (type == typeof(ushort)) return Step<DecodeUInt16Mapping, ushort>(t);
        if (type == typeof(int)) return Step<DecodeInt32Mapping, int>(t);
        if (type == typeof(uint)) return Step<DecodeUInt32Mapping, uint>(t);
        if (type == typeof(long)) return Step<DecodeInt64Mapping, long>(t);
        if (type == typeof(ulong)) return Step<DecodeUInt64Mapping, ulong>(t);
        if (type == typeof(DateTime)) return Step<DecodeDateTimeMapping, DateTime>(t);
        throw new NotSupportedException($"Columns of type {type.Name} cannot be saved in a CTGAN model.");
    }

    /// <summary>The custom-mapping step of a value mapping, under the contract its attribute declares.</summary>
    private static IEstimator<ITransformer> Step<TMapping, T>(TransformsCatalog t) where TMapping : DecodeValueMapping<T>, new()
    {
        string contract = typeof(TMapping).GetCustomAttribute<CustomMappingFactoryAttributeAttribute>()!.ContractName;
        return t.CustomMapping(new TMapping().GetMapping(), contract);
    }

    private sealed class RowOnly
    {
        [ColumnName(DecodeChainColumns.Row)]
        public float[] Row = [];
    }
}
