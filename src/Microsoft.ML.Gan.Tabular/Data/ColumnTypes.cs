using System.Numerics;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// The type rules of the tabular form: which ML.NET column types are read, which are discrete by default,
/// how category values compare, and how types and category values are written in the binary form.
/// </summary>
internal static class ColumnTypes
{
    private enum Code : byte
    {
        Single = 1, Double, SByte, Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64, Boolean, Text, DateTime, Key,
    }

    public const string SupportedTypes =
        "Single, Double, SByte, Byte, Int16, UInt16, Int32, UInt32, Int64, UInt64, DateTime, Boolean, Text and Key types";

    /// <summary>Types that hold numbers and may be continuous: ML.NET numbers and DateTime (as ticks).</summary>
    public static bool IsNumeric(DataViewType type) => type is NumberDataViewType or DateTimeDataViewType;

    /// <summary>Types that are always discrete: text, Boolean and key.</summary>
    public static bool IsAlwaysDiscrete(DataViewType type) => type is TextDataViewType or BooleanDataViewType or KeyDataViewType;

    public static bool IsSupported(DataViewType type) => IsNumeric(type) || IsAlwaysDiscrete(type);

    /// <summary>Numeric types whose values are whole numbers by construction (everything but Single and Double).</summary>
    public static bool IsIntegral(DataViewType type) => IsNumeric(type) && type.RawType != typeof(float) && type.RawType != typeof(double);

    /// <summary>The CLR type of a discrete column's category values: <see cref="string"/> for text, else the raw type.</summary>
    public static Type CategoryClrType(DataViewType type) => type is TextDataViewType ? typeof(string) : type.RawType;

    /// <summary>A category value as text: text as is, numbers and Booleans in the invariant culture.</summary>
    public static string InvariantText(object value) => value switch
    {
        string s => s,
        ReadOnlyMemory<char> m => m.ToString(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The form in which category values compare: text as <see cref="string"/>, Boolean as itself, every number
    /// (and DateTime, as ticks) as <see cref="double"/>, so that 3, 3L and 3f name the same category.
    /// </summary>
    public static object Canonical(object value) => value switch
    {
        string s => s,
        ReadOnlyMemory<char> m => m.ToString(),
        bool b => b,
        DateTime d => (double)d.Ticks,
        float f => (double)f,
        double d => d,
        sbyte v => (double)v,
        byte v => (double)v,
        short v => (double)v,
        ushort v => (double)v,
        int v => (double)v,
        uint v => (double)v,
        long v => (double)v,
        ulong v => (double)v,
        _ => value,
    };

    /// <summary>Converts numbers read as double back to a numeric column's type (integers rounded and saturated).</summary>
    public static Array ToTypedArray(DataViewType type, ReadOnlySpan<double> values)
    {
        Type raw = type.RawType;
        if (raw == typeof(float)) return Convert<float>(values);
        if (raw == typeof(double)) return values.ToArray();
        if (raw == typeof(sbyte)) return Convert<sbyte>(values);
        if (raw == typeof(byte)) return Convert<byte>(values);
        if (raw == typeof(short)) return Convert<short>(values);
        if (raw == typeof(ushort)) return Convert<ushort>(values);
        if (raw == typeof(int)) return Convert<int>(values);
        if (raw == typeof(uint)) return Convert<uint>(values);
        if (raw == typeof(long)) return Convert<long>(values);
        if (raw == typeof(ulong)) return Convert<ulong>(values);
        if (raw == typeof(DateTime)) return ToDateTimes(values);
        throw new NotSupportedException($"Type {type} is not numeric.");
    }

    private static T[] Convert<T>(ReadOnlySpan<double> values) where T : INumberBase<T>
    {
        bool integral = typeof(T) != typeof(float);
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = T.CreateSaturating(integral ? Math.Round(values[i]) : values[i]);
        return result;
    }

    private static DateTime[] ToDateTimes(ReadOnlySpan<double> ticks)
    {
        var result = new DateTime[ticks.Length];
        for (int i = 0; i < ticks.Length; i++)
            result[i] = new DateTime((long)Math.Clamp(Math.Round(ticks[i]), DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
        return result;
    }

    public static void Write(BinaryWriter writer, DataViewType type)
    {
        if (type is KeyDataViewType key)
        {
            writer.Write((byte)Code.Key);
            writer.Write((byte)RawCode(key.RawType));
            writer.Write(key.Count);
            return;
        }
        writer.Write((byte)(type switch
        {
            TextDataViewType => Code.Text,
            BooleanDataViewType => Code.Boolean,
            DateTimeDataViewType => Code.DateTime,
            _ => RawCode(type.RawType),
        }));
    }

    public static DataViewType Read(BinaryReader reader)
    {
        var code = (Code)reader.ReadByte();
        switch (code)
        {
            case Code.Text: return TextDataViewType.Instance;
            case Code.Boolean: return BooleanDataViewType.Instance;
            case Code.DateTime: return DateTimeDataViewType.Instance;
            case Code.Key:
                var raw = (Code)reader.ReadByte();
                ulong count = reader.ReadUInt64();
                Type rawType = raw switch
                {
                    Code.Byte => typeof(byte),
                    Code.UInt16 => typeof(ushort),
                    Code.UInt32 => typeof(uint),
                    Code.UInt64 => typeof(ulong),
                    _ => throw new InvalidDataException($"Invalid key raw type code {(byte)raw}."),
                };
                if (count == 0)
                    throw new InvalidDataException("Invalid key count 0.");
                return new KeyDataViewType(rawType, count);
            case >= Code.Single and <= Code.UInt64:
                return NumberType(code);
            default:
                throw new InvalidDataException($"Invalid column type code {(byte)code}.");
        }
    }

    private static NumberDataViewType NumberType(Code code) => code switch
    {
        Code.Single => NumberDataViewType.Single,
        Code.Double => NumberDataViewType.Double,
        Code.SByte => NumberDataViewType.SByte,
        Code.Byte => NumberDataViewType.Byte,
        Code.Int16 => NumberDataViewType.Int16,
        Code.UInt16 => NumberDataViewType.UInt16,
        Code.Int32 => NumberDataViewType.Int32,
        Code.UInt32 => NumberDataViewType.UInt32,
        Code.Int64 => NumberDataViewType.Int64,
        _ => NumberDataViewType.UInt64,
    };

    private static Code RawCode(Type raw)
    {
        if (raw == typeof(float)) return Code.Single;
        if (raw == typeof(double)) return Code.Double;
        if (raw == typeof(sbyte)) return Code.SByte;
        if (raw == typeof(byte)) return Code.Byte;
        if (raw == typeof(short)) return Code.Int16;
        if (raw == typeof(ushort)) return Code.UInt16;
        if (raw == typeof(int)) return Code.Int32;
        if (raw == typeof(uint)) return Code.UInt32;
        if (raw == typeof(long)) return Code.Int64;
        if (raw == typeof(ulong)) return Code.UInt64;
        throw new NotSupportedException($"Raw type {raw} is not supported.");
    }

    /// <summary>Writes one category value; its type is known from the column type when reading it back.</summary>
    public static void WriteCategory(BinaryWriter writer, object value)
    {
        switch (value)
        {
            case string s: writer.Write(s); break;
            case bool b: writer.Write(b); break;
            case DateTime d: writer.Write(d.Ticks); break;
            case float f: writer.Write(f); break;
            case double d: writer.Write(d); break;
            case sbyte v: writer.Write(v); break;
            case byte v: writer.Write(v); break;
            case short v: writer.Write(v); break;
            case ushort v: writer.Write(v); break;
            case int v: writer.Write(v); break;
            case uint v: writer.Write(v); break;
            case long v: writer.Write(v); break;
            case ulong v: writer.Write(v); break;
            default: throw new NotSupportedException($"Category value of type {value.GetType()} is not supported.");
        }
    }

    public static object ReadCategory(BinaryReader reader, DataViewType type)
    {
        Type raw = CategoryClrType(type);
        if (raw == typeof(string)) return reader.ReadString();
        if (raw == typeof(bool)) return reader.ReadBoolean();
        if (raw == typeof(DateTime)) return new DateTime(reader.ReadInt64());
        if (raw == typeof(float)) return reader.ReadSingle();
        if (raw == typeof(double)) return reader.ReadDouble();
        if (raw == typeof(sbyte)) return reader.ReadSByte();
        if (raw == typeof(byte)) return reader.ReadByte();
        if (raw == typeof(short)) return reader.ReadInt16();
        if (raw == typeof(ushort)) return reader.ReadUInt16();
        if (raw == typeof(int)) return reader.ReadInt32();
        if (raw == typeof(uint)) return reader.ReadUInt32();
        if (raw == typeof(long)) return reader.ReadInt64();
        return reader.ReadUInt64();
    }
}
