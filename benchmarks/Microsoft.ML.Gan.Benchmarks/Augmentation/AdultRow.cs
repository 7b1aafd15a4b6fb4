using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Benchmarks.Augmentation;

/// <summary>An adult row with income turned into a Boolean label (income itself is dropped).</summary>
internal sealed class AdultRow
{
    public static readonly string[] Categorical = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country"];
    public static readonly string[] Numeric = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

    [ColumnName("age")]
    public int Age { get; set; }
    [ColumnName("workclass")]
    public string Workclass { get; set; } = "";
    [ColumnName("fnlwgt")]
    public int Fnlwgt { get; set; }
    [ColumnName("education")]
    public string Education { get; set; } = "";
    [ColumnName("education-num")]
    public int EducationNum { get; set; }
    [ColumnName("marital-status")]
    public string MaritalStatus { get; set; } = "";
    [ColumnName("occupation")]
    public string Occupation { get; set; } = "";
    [ColumnName("relationship")]
    public string Relationship { get; set; } = "";
    [ColumnName("race")]
    public string Race { get; set; } = "";
    [ColumnName("sex")]
    public string Sex { get; set; } = "";
    [ColumnName("capital-gain")]
    public float CapitalGain { get; set; }
    [ColumnName("capital-loss")]
    public float CapitalLoss { get; set; }
    [ColumnName("hours-per-week")]
    public int HoursPerWeek { get; set; }
    [ColumnName("native-country")]
    public string NativeCountry { get; set; } = "";
    public bool Label { get; set; }

    /// <summary>Reads the adult columns (as <see cref="Tabular.AdultCsv"/> loads them) into rows; income (with or without its leading space) becomes the label.</summary>
    public static AdultRow[] Read(MLContext mlContext, IDataView adult)
    {
        var labelled = mlContext.Transforms.Conversion.MapValue(nameof(Label),
                new KeyValuePair<string, bool>[] { new(">50K", true), new(" >50K", true), new("<=50K", false), new(" <=50K", false) }, "income")
            .Fit(adult).Transform(adult);
        return [.. mlContext.Data.CreateEnumerable<AdultRow>(labelled, reuseRowObject: false)];
    }

    /// <summary>One-hot text columns, numbers as Single, all in Features, then the trainer.</summary>
    public static IEstimator<ITransformer> Featurize(MLContext mlContext) =>
        mlContext.Transforms.Categorical.OneHotEncoding([.. Categorical.Select(c => new InputOutputColumnPair(c + "_onehot", c))])
            .Append(mlContext.Transforms.Conversion.ConvertType([.. Numeric.Select(c => new InputOutputColumnPair(c + "_float", c))], DataKind.Single))
            .Append(mlContext.Transforms.Concatenate("Features", [.. Categorical.Select(c => c + "_onehot"), .. Numeric.Select(c => c + "_float")]));
}
