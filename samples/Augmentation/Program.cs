// Augmentation: train a classifier on an imbalanced table, with and without CTGAN rows that balance the classes.
//   dotnet run -c Release --project samples/Augmentation -- [epochs=5]
// The adult table keeps every row with income <= 50K and only 1 in 10 of the others (about 3 % positives).
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 5;
var mlContext = new MLContext(seed: 1);
var split = mlContext.Data.TrainTestSplit(LoadImbalancedAdult(mlContext), testFraction: 0.2, seed: 1);

// Any ML.NET estimator: here featurization and a logistic regression on the Boolean column "Label".
string[] text = ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country"];
string[] numbers = ["age", "education-num", "capital-gain", "capital-loss", "hours-per-week"];
var trainer = mlContext.Transforms.Categorical.OneHotEncoding([.. text.Select(c => new InputOutputColumnPair(c))])
    .Append(mlContext.Transforms.Conversion.ConvertType([.. numbers.Select(c => new InputOutputColumnPair(c))], DataKind.Single))
    .Append(mlContext.Transforms.Concatenate("Features", [.. text, .. numbers]))
    .Append(mlContext.Transforms.NormalizeMinMax("Features"))
    .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());

// The same estimator, trained on real rows plus CTGAN rows of the minority class up to the majority count.
// Few epochs keep the sample quick; such CTGAN rows can lower AUC (benchmarks/BENCHMARKS.md, augment-adult): measure first.
var augmented = mlContext.Gan().Augment(trainer, new CtganOptions { Epochs = epochs, Threads = 1 });

var plainModel = trainer.Fit(split.TrainSet);
var augmentedModel = augmented.Fit(split.TrainSet);     // the same model type: score, evaluate and save it as usual

foreach (var summary in augmented.LastSummary!.Classes)
    Console.WriteLine($"Label {summary.Label}: {summary.RealRows} real + {summary.SyntheticRows} synthetic rows");
foreach (var (name, model) in new[] { ("plain", plainModel), ("augmented", augmentedModel) })
{
    var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
    Console.WriteLine($"{name,-9}: minority F1 {metrics.F1Score:F3}, recall {metrics.PositiveRecall:F3}, precision {metrics.PositivePrecision:F3}, AUC {metrics.AreaUnderRocCurve:F3}");
}

static IDataView LoadImbalancedAdult(MLContext mlContext)
{
    string csv = Path.Combine(Path.GetTempPath(), "adult-augmentation.csv");
    using (var gzip = new GZipStream(File.OpenRead(FindUpwards("data/adult.csv.gz")), CompressionMode.Decompress))
    using (var file = File.Create(csv))
        gzip.CopyTo(file);
    var lines = File.ReadAllLines(csv);
    // Keep the header, every " <=50K" row and every tenth " >50K" row.
    File.WriteAllLines(csv, lines.Where((line, i) => i == 0 || !line.EndsWith(">50K", StringComparison.Ordinal) || i % 10 == 0));
    var columns = new TextLoader.Column[]
    {
        new("age", DataKind.Int32, 0), new("workclass", DataKind.String, 1), new("education", DataKind.String, 3),
        new("education-num", DataKind.Int32, 4), new("marital-status", DataKind.String, 5), new("occupation", DataKind.String, 6),
        new("relationship", DataKind.String, 7), new("race", DataKind.String, 8), new("sex", DataKind.String, 9),
        new("capital-gain", DataKind.Single, 10), new("capital-loss", DataKind.Single, 11), new("hours-per-week", DataKind.Int32, 12),
        new("native-country", DataKind.String, 13), new("income", DataKind.String, 14),
    };
    var table = mlContext.Data.LoadFromTextFile(csv, columns, separatorChar: ',', hasHeader: true);
    var labelled = mlContext.Transforms.Conversion.MapValue("Label",
            new KeyValuePair<string, bool>[] { new(">50K", true), new(" >50K", true), new("<=50K", false), new(" <=50K", false) }, "income")
        .Append(mlContext.Transforms.DropColumns("income"))
        .Fit(table).Transform(table);
    return mlContext.Data.Cache(labelled);
}

static string FindUpwards(string relativePath)
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        string candidate = Path.Combine(directory.FullName, relativePath);
        if (File.Exists(candidate))
            return candidate;
    }
    throw new FileNotFoundException($"{relativePath} was not found above {Environment.CurrentDirectory}.");
}
