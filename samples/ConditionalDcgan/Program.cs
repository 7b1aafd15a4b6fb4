// Trains a conditional DCGAN (label concatenation) on Fashion-MNIST and writes a 10×10 grid: row r shows class r.
// Usage: dotnet run --project samples/ConditionalDcgan -c Release -- [epochs=5] [outputDir=cdcgan-output] [images=60000] [threads=0]
// Needs Fashion-MNIST in /usr/share/datasets/fashion-mnist (apt-get install dataset-fashion-mnist).
using Microsoft.ML.Gan.FashionData;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;

int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
string output = args.Length > 1 ? args[1] : "cdcgan-output";
int images = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60000;
int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
Directory.CreateDirectory(output);

var mlContext = new MLContext(seed: 1);
var train = FashionMnist.Read(FashionMnistSplit.Train, images);
Console.WriteLine($"Training a conditional DCGAN on {train.Count} Fashion-MNIST images for {epochs} epoch(s).");

var options = new ConditionalGanOptions
{
    Epochs = epochs,
    GeneratorFeatures = 32,
    DiscriminatorFeatures = 32,
    Threads = threads,
    SampleGridPath = Path.Combine(output, "step-{step}.png"),
    Progress = new Progress<Microsoft.ML.Gan.Training.GanProgress>(p => Console.WriteLine(p)),
};
using var model = mlContext.Gan().Images.ConditionalGan(options).Fit(train.ToDataView(mlContext));

string grid = Path.Combine(output, "classes-10x10.png");
model.SaveGrid(grid, rows: 10, columns: 10);
string zip = Path.Combine(output, "cdcgan.zip");
mlContext.Model.Save(model, null, zip);
Console.WriteLine($"Wrote {grid} (row r = {string.Join(", ", FashionMnist.ClassNames.Select((n, i) => $"{i} {n}"))}) and {zip}.");

// Quality: a LeNet-like classifier trained on real images gives domain-feature FD/KID and the accuracy on generated
// images of the asked class; CAS trains the same classifier on 10,000 generated images and tests it on real ones.
var test = FashionMnist.Read(FashionMnistSplit.Test);
using var evaluator = new ImageGanEvaluator(train, test, new DomainClassifierOptions { Threads = threads });
var result = evaluator.Evaluate(model, 10000);
Console.WriteLine($"Domain classifier accuracy (real-trained): {result.ClassifierAccuracy:P1}");
Console.WriteLine($"Domain FD {result.FrechetDistance:F2}, KID {result.KernelDistance:F4}, precision {result.Precision:F2}, recall {result.Recall:F2}");
Console.WriteLine($"Generated images recognized as their class: {result.GeneratedLabelAccuracy:P1}");
Console.WriteLine($"CAS {result.ClassificationAccuracyScore:P1} = {result.RelativeClassificationAccuracyScore:P0} of real-trained accuracy");
