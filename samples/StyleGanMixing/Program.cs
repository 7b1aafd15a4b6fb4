// Trains a small StyleGAN2-style generator on Fashion-MNIST (28×28, run at 32×32) and writes StyleGAN's figures:
// style-mixing grids (coarse styles from the row's seed, the rest from the column's) at an early, a middle and a late
// crossover layer, and a truncation strip (ψ from 0 to 1).
// Usage: dotnet run --project samples/StyleGanMixing -c Release -- [steps=1000] [outputDir=stylegan-output] [images=10000] [threads=0]
// Needs Fashion-MNIST in /usr/share/datasets/fashion-mnist (apt-get install dataset-fashion-mnist).
using Microsoft.ML.Gan.FashionData;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.StyleGan;

long steps = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
string output = args.Length > 1 ? args[1] : "stylegan-output";
int images = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10000;
int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
Directory.CreateDirectory(output);

var mlContext = new MLContext(seed: 1);
var train = FashionMnist.Read(FashionMnistSplit.Train, images);
Console.WriteLine($"Training a small StyleGAN on {train.Count} Fashion-MNIST images for {steps} steps.");

// Narrow widths so that it trains in minutes on a CPU; the paper's training settings otherwise (R1 every 16 steps,
// style mixing 0.9, mapping lr ×0.01). A short run needs a shorter EMA than the long-run default of 0.999.
var options = new StyleGanOptions
{
    LatentDimension = 64,
    StyleDimension = 64,
    ChannelBase = 512,
    MaxChannels = 32,
    BatchSize = 16,
    PenaltyWeight = 1,
    GeneratorEmaDecay = 0.99,
    MaxSteps = steps,
    ProgressInterval = 250,
    Threads = threads,
    Progress = new Progress<Microsoft.ML.Gan.Training.GanProgress>(p => Console.WriteLine(p)),
};
using var model = mlContext.Gan().Images.StyleGan(options).Fit(train.ToDataView(mlContext));

long[] rowSeeds = [1, 2, 3, 4, 5], columnSeeds = [11, 12, 13, 14, 15, 16];
int layers = model.StyleLayerCount;
foreach (var (name, crossover) in new[] { ("coarse", 2), ("middle", layers / 2), ("fine", layers - 2) })
{
    string path = Path.Combine(output, $"mixing-{name}-crossover{crossover}.png");
    model.SaveMixingGrid(path, rowSeeds, columnSeeds, crossover);
    Console.WriteLine($"Wrote {path}: rows keep layers 0..{crossover - 1} of their seed, columns give layers {crossover}..{layers - 1}.");
}

var psis = new[] { 0.0, 0.25, 0.5, 0.75, 1.0 };
var strip = psis.SelectMany(psi => model.GenerateTruncated(8, psi, NoiseMode.Const, seed: 7)).ToArray();
string truncation = Path.Combine(output, "truncation.png");
new ImageSet(model.Shape, strip.Select(v => Math.Clamp(v, 0f, 1f)).ToArray()).SaveGrid(truncation, psis.Length, 8);
Console.WriteLine($"Wrote {truncation}: row r uses ψ = {string.Join(", ", psis)} (row 0 is the average w for every seed).");

string zip = Path.Combine(output, "stylegan.zip");
mlContext.Model.Save(model, null, zip);
Console.WriteLine($"Saved {zip}; StyleGanTransformer.Load(mlContext, path) restores it.");
