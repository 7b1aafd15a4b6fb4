// QuickStart: learn the UCI Adult census table with CTGAN and write 10,000 synthetic rows to a CSV file.
//   dotnet run -c Release --project samples/QuickStart -- [epochs=10] [output=synthetic-adult.csv]
// The paper trains 300 epochs; a few already give plausible rows, more give better ones.
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;

int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
string output = args.Length > 1 ? args[1] : "synthetic-adult.csv";

var mlContext = new MLContext(seed: 1);
IDataView adult = LoadAdult(mlContext);

// Paper defaults (WGAN-GP, PacGAN 10, batch 500, ...); only the epochs are changed here.
var options = new CtganOptions
{
    Epochs = epochs,
    Progress = new Progress<Microsoft.ML.Gan.Training.GanProgress>(p => Console.WriteLine(p)),
};
using CtganModel model = mlContext.Gan().Tabular.Ctgan(options).Fit(adult);

// Same columns, names and types as the training data.
IDataView synthetic = model.Sample(10_000, seed: 42);
using (var stream = File.Create(output))
    mlContext.Data.SaveAsText(synthetic, stream, separatorChar: ',', headerRow: true, schema: false);
Console.WriteLine($"Wrote 10,000 synthetic rows to {Path.GetFullPath(output)}.");

// Conditional sampling: every row has the asked value, the rest follows it.
var doctors = model.SampleDataFrame(5, seed: 7, condition: ("education", "Doctorate"));
Console.WriteLine(doctors);

// The model saves into one zip and loads back with the same samples.
mlContext.Model.Save(model, null, "ctgan-adult.zip");
using var loaded = CtganModel.Load(mlContext, "ctgan-adult.zip");
Console.WriteLine($"Saved and loaded: {loaded.SampleSchema.Count} columns.");

static IDataView LoadAdult(MLContext mlContext)
{
    string csv = Path.Combine(Path.GetTempPath(), "adult.csv");
    using (var gzip = new GZipStream(File.OpenRead(FindUpwards("data/adult.csv.gz")), CompressionMode.Decompress))
    using (var file = File.Create(csv))
        gzip.CopyTo(file);
    var columns = new TextLoader.Column[]
    {
        new("age", DataKind.Int32, 0), new("workclass", DataKind.String, 1), new("fnlwgt", DataKind.Int32, 2),
        new("education", DataKind.String, 3), new("education-num", DataKind.Int32, 4), new("marital-status", DataKind.String, 5),
        new("occupation", DataKind.String, 6), new("relationship", DataKind.String, 7), new("race", DataKind.String, 8),
        new("sex", DataKind.String, 9), new("capital-gain", DataKind.Single, 10), new("capital-loss", DataKind.Single, 11),
        new("hours-per-week", DataKind.Int32, 12), new("native-country", DataKind.String, 13), new("income", DataKind.String, 14),
    };
    return mlContext.Data.Cache(mlContext.Data.LoadFromTextFile(csv, columns, separatorChar: ',', hasHeader: true));
}

static string FindUpwards(string relativePath)
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        string candidate = Path.Combine(directory.FullName, relativePath);
        if (File.Exists(candidate))
            return candidate;
    }
    throw new FileNotFoundException($"{relativePath} was not found in {Environment.CurrentDirectory} or any folder above it.");
}
