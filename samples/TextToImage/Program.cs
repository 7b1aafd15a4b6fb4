// Text-to-image on Fashion-MNIST: captions built from each image's class and measured attributes ("a dark, wide ankle
// boot") are featurized with FeaturizeText, and a GAN-INT-CLS model learns images from the text vectors. The fitted
// pipeline (FeaturizeText → TextToImage) then turns new descriptions into images: one grid row per description.
// Usage: dotnet run --project samples/TextToImage -c Release -- [steps=1000] [outputDir=text-to-image-output] [images=10000] [threads=0] ["caption" ...]
// Needs Fashion-MNIST in /usr/share/datasets/fashion-mnist (apt-get install dataset-fashion-mnist).
using Microsoft.ML.Gan.FashionData;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.TextToImage;
using Microsoft.ML.Transforms.Text;

long steps = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
string output = args.Length > 1 ? args[1] : "text-to-image-output";
int count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10000;
int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
string[] requests = args.Length > 4 ? args[4..]
    : ["a dark ankle boot", "a light, wide bag", "trouser", "a narrow dress", "the sneaker is light", "a dark pullover", "sandal", "a wide coat"];
Directory.CreateDirectory(output);

var mlContext = new MLContext(seed: 1);
var train = FashionMnist.Read(FashionMnistSplit.Train, count);
var captions = FashionCaptions.Describe(train, FashionCaptionTemplates.Training, seed: 1);
var rows = Enumerable.Range(0, train.Count).Select(i => new Captioned
{
    Image = train.Pixels.AsSpan(i * train.Shape.Length, train.Shape.Length).ToArray(),
    Caption = captions[i],
});
var schema = SchemaDefinition.Create(typeof(Captioned));
schema[nameof(Captioned.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, train.Shape.Length);
var data = mlContext.Data.LoadFromEnumerable(rows, schema);
Console.WriteLine($"Training on {train.Count} captioned images for {steps} steps, e.g. '{captions[0]}', '{captions[1]}', '{captions[2]}'.");

var featurize = mlContext.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
{
    WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
    CharFeatureExtractor = null,
    KeepPunctuations = false,
}, "Caption");
var textToImage = mlContext.Gan().Images.TextToImage(new TextToImageOptions
{
    ProjectionDimension = 32,
    GeneratorFeatures = 32,
    DiscriminatorFeatures = 32,
    LatentDimension = 32,
    BatchSize = 32,
    GeneratorLearningRate = 5e-4,
    DiscriminatorLearningRate = 5e-4,
    MaxSteps = steps,
    ProgressInterval = 250,
    Threads = threads,
    Progress = new Progress<Microsoft.ML.Gan.Training.GanProgress>(p => Console.WriteLine(p)),
});
var pipeline = featurize.Append(textToImage).Fit(data);

// Any text goes through the same pipeline: featurize the requests, then generate 8 images for each.
var asked = mlContext.Data.LoadFromEnumerable(requests.Select(r => new Request { Caption = r }));
var vectors = pipeline.First().Transform(asked).GetColumn<float[]>("Features").SelectMany(v => v).ToArray();
string grid = Path.Combine(output, "captions.png");
pipeline.LastTransformer.SaveGrid(grid, vectors, columns: 8);
Console.WriteLine($"Wrote {grid}; row r shows:");
for (int r = 0; r < requests.Length; r++)
    Console.WriteLine($"  {r}: {requests[r]}");

string zip = Path.Combine(output, "text-to-image.zip");
mlContext.Model.Save(pipeline, data.Schema, zip);
Console.WriteLine($"Saved the pipeline to {zip}: mlContext.Model.Load gives FeaturizeText → TextToImage again (a 'Caption' column in, 'Generated' out).");

internal sealed class Captioned
{
    public float[] Image { get; set; } = [];

    public string Caption { get; set; } = "";
}

internal sealed class Request
{
    public string Caption { get; set; } = "";
}
