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
/// <remarks>Key-typed columns come out of these steps as their raw unsigned integer type.</remarks>
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
                var categoryType = ColumnTypes.CategoryClrType(discrete.Type);
                pipeline = pipeline.Append((IEstimator<ITransformer>)MapCategoriesMethod.MakeGenericMethod(categoryType)
                    .Invoke(null, [transforms, discrete])!);
            }
            else
            {
                pipeline = pipeline.Append(ValueStep(transforms, column.Type.RawType))
                    .Append(transforms.CopyColumns(column.Name, DecodeChainColumns.Value));
            }
        }
        pipeline = pipeline.Append(transforms.DropColumns(
            DecodeChainColumns.Key, DecodeChainColumns.Slot, DecodeChainColumns.Value, DecodeChainColumns.Row));
        var fitted = (IEnumerable<ITransformer>)pipeline.Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<RowOnly>()));
        return [.. fitted];
    }

    private static IEstimator<ITransformer> MapCategories<TValue>(TransformsCatalog transforms, DiscreteColumn column)
    {
        var pairs = column.Categories.Select((category, index) => new KeyValuePair<int, TValue>(index, (TValue)category));
        return transforms.Conversion.MapValue(column.Name, pairs, DecodeChainColumns.Value);
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
