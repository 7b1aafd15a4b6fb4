using TorchSharp;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Vectors;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class EngineRingProbe
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Probe()
    {
        string E(string n, string d) => Environment.GetEnvironmentVariable(n) ?? d;
        int hid = int.Parse(E("HID", "128"));
        VectorGanOptions options = E("LOSS", "gp") == "gp" ? new WganGpOptions() : new VanillaGanOptions { SpectralNorm = E("SN", "0") == "1", GeneratorEmaDecay = E("EMA","0")=="1" ? 0.999 : null };
        options.MaxSteps = int.Parse(E("STEPS", "1000")); options.BatchSize = int.Parse(E("BATCH", "256")); options.Seed = 1; options.ProgressInterval = 100; options.Progress = new Progress<GanProgress>(p => System.IO.File.AppendAllText("/tmp/probe-log.txt", p + "\n"));
        options.GeneratorLayers = new[] { hid, hid, hid }; options.DiscriminatorLayers = new[] { hid, hid, hid }; options.LatentDimension = 8;
        options.GeneratorLearningRate = options.DiscriminatorLearningRate = double.Parse(E("LR", "1e-4"));
        options.CriticSteps = int.Parse(E("NCRIT", "5")); options.Threads = 1; options.Pack = int.Parse(E("PAC", "1")); options.PenaltyWeight = double.Parse(E("PW", "10")); options.LearningRateDecayStart = double.Parse(E("DECAY", "1"));
        options.GeneratorBeta1 = options.DiscriminatorBeta1 = double.Parse(E("B1", options.GeneratorBeta1.ToString()));
        options.GeneratorBeta2 = options.DiscriminatorBeta2 = double.Parse(E("B2", options.GeneratorBeta2.ToString()));
        if (E("EMA", "0") == "1") options.GeneratorEmaDecay = 0.999;
        var data = RingOfGaussians.Sample(20000, 1);
        Microsoft.ML.Gan.Torch.TorchRuntime.Seed(1);
        using var tensor = torch.tensor(data, new long[] { 20000, 2 });
        using var problem = new VectorGanProblem(options, tensor / 1.414f, CPU);
        var trainer = new GanTrainer(options, s => System.IO.File.AppendAllText("/tmp/probe-log.txt", s + "\n"));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (g, summary) = trainer.Train(problem, 1);
        System.IO.File.AppendAllText("/tmp/probe.txt", $"{E("LOSS","gp")} lr {E("LR","")} hid {hid} b {options.BatchSize} nc {options.CriticSteps} time {sw.Elapsed} steps {summary.Steps}\n");
        using var z = randn(2000, 8);
        using var x = ((nn.Module<Tensor, Tensor>)g).call(z) * 1.414f;
        var arr = x.data<float>().ToArray();
        var (perMode, hq) = RingOfGaussians.Evaluate(arr);
        var dists = Enumerable.Range(0, 2000).Select(i => Enumerable.Range(0, 8).Min(m => Math.Sqrt(Math.Pow(arr[2*i] - 2*Math.Cos(m*Math.PI/4), 2) + Math.Pow(arr[2*i+1] - 2*Math.Sin(m*Math.PI/4), 2)))).OrderBy(d => d).ToArray();
        System.IO.File.AppendAllText("/tmp/probe.txt", $"dist q10 {dists[200]:F3} q50 {dists[1000]:F3} q90 {dists[1800]:F3}\n");
        System.IO.File.AppendAllText("/tmp/probe.txt", $"modes {string.Join(",", perMode)} hq {hq} {Environment.GetEnvironmentVariable("TAG")}\n");
    }
}
