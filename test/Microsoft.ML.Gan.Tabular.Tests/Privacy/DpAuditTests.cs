using Microsoft.ML.Gan.Privacy;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tests.Privacy;

/// <summary>
/// The attacks of issue 19 against DP-CTGAN: replaying the seed, coupling between rows, exact numbers in what a fit
/// releases (saved model, progress reports, log).
/// </summary>
[TestClass]
public sealed class DpAuditTests
{
    private const int Rows = 2000;

    private static CtganOptions Options()
    {
        var options = DpCtganTests.Options(5, epochs: 1);
        options.GeneratorLayers = [32, 32];
        options.DiscriminatorLayers = [32, 32];
        options.Privacy!.PublicBounds = new Dictionary<string, (double Min, double Max)> { ["Amount"] = (-5, 15), ["Count"] = (0, 20) };
        return options;
    }

    [TestMethod]
    public void TwoFitsWithTheSameSeedDrawDifferentNoise()
    {
        var mlContext = new MLContext(seed: 1);
        var data = CtganTestData.Create(mlContext, Rows, seed: 3);
        using var first = mlContext.Gan().Tabular.Ctgan(Options()).Fit(data);
        using var second = mlContext.Gan().Tabular.Ctgan(Options()).Fit(data);
        Assert.AreEqual(first.Seed, second.Seed, "the public seed is the same");

        // The transformer's category frequencies are the noisy counts (post-processed): a replayed seed would give the same.
        int kind = first.DataTransformer.ConditionValues("Kind").SpanIndex;
        CollectionAssert.AreNotEqual(first.DataTransformer.GetCategoryFrequencies(kind), second.DataTransformer.GetCategoryFrequencies(kind),
            "the noisy counts must not be a function of the seed");
        // DP-SGD's noise and sampling too: the same seed's rows differ.
        var a = ((ContinuousColumn)first.SampleTable(50, seed: 4)["Amount"]).Values.ToArray();
        var b = ((ContinuousColumn)second.SampleTable(50, seed: 4)["Amount"]).Values.ToArray();
        CollectionAssert.AreNotEqual(a, b, "the trained generators must differ");
    }

    [TestMethod]
    public void ChangingOneRealRowLeavesEveryOtherPairsClippedGradientUnchanged()
    {
        const int rows = 48, changed = 5;
        var mlContext = new MLContext(seed: 1);
        var table = TabularTable.FromDataView(CtganTestData.Create(mlContext, rows, seed: 3));
        var transformer = DataTransformer.Fit(table);
        var encoded = transformer.Encode(table, 1);
        // The neighbour: row 5 replaced by a row of another Kind and Amount mode (same count of rows, as add/remove's "replace").
        var kinds = ((DiscreteColumn)table["Kind"]).Codes.ToArray();
        int donor = Enumerable.Range(0, rows).First(r => kinds[r] != kinds[changed]);
        T[] Replaced<T>(T[] values)
        {
            values[changed] = values[donor];
            return values;
        }
        var neighbourTable = new TabularTable(table.Columns.Select(c => c switch
        {
            ContinuousColumn x => (TabularColumn)new ContinuousColumn(x.Name, x.Type, Replaced(x.Values.ToArray())),
            DiscreteColumn d => new DiscreteColumn(d.Name, d.Type, Replaced(d.Codes.ToArray()), d.Categories, d.KeyValues),
            _ => throw new InvalidOperationException(c.Name),
        }));
        var neighbour = transformer.Encode(neighbourTable, 1);

        var options = Options();
        options.DiscriminatorDropout = 0; // dropout masks would differ between the two runs' draws only through the seed
        var gradientsA = PairGradients(options, transformer, encoded, rows, out var buffersBefore, out var buffersAfter);
        var gradientsB = PairGradients(options, transformer, neighbour, rows, out _, out _);

        Assert.AreEqual(rows, gradientsA.Length, "q = 1: every row is a sample");
        for (int i = 0; i < rows; i++)
        {
            double difference = gradientsA[i].Zip(gradientsB[i], (x, y) => Math.Abs(x - y)).Max();
            if (i == changed)
                Assert.IsTrue(difference > 1e-4, "the changed row's own pair does change (the test can see a difference)");
            else
                Assert.IsTrue(difference < 1e-6, $"pair {i}'s clipped gradient moved by {difference} when row {changed} changed");
        }
        CollectionAssert.AreEqual(buffersBefore, buffersAfter, "the critic step must not touch the generator's running statistics");
    }

    [TestMethod]
    public void BatchNormInTrainingModeWouldCoupleThePairsWhichIsWhyTheCriticStepUsesEvalMode()
    {
        // The attack on the old code path: the same noise, one condition changed, every generated row moves.
        var architecture = new CtganArchitecture(8, [16], 6, 4);
        using var generator = CtganNetworks.CreateGenerator(architecture);
        manual_seed(2);
        var z = randn(10, 8);
        var conditions = zeros(10, 4);
        conditions[.., 0] = 1;
        var changed = conditions.clone();
        changed[3, 0] = 0;
        changed[3, 2] = 1;
        using (no_grad())
        {
            generator.train();
            var coupled = (generator.call(cat([z, conditions], 1)) - generator.call(cat([z, changed], 1))).abs().sum(1);
            Assert.IsTrue(coupled[0].item<float>() > 1e-4, "training-mode batch norm mixes row 3's condition into row 0");
            generator.eval();
            var separate = (generator.call(cat([z, conditions], 1)) - generator.call(cat([z, changed], 1))).abs().sum(1);
            Assert.AreEqual(0f, separate[0].item<float>(), "evaluation-mode batch norm keeps rows apart");
        }
    }

    [TestMethod]
    public void AFitReleasesNoExactFunctionOfTheRows()
    {
        // Two neighbouring tables: the same rows, except that one holds a category no other row has.
        var mlContext = new MLContext(seed: 1);
        var rows = mlContext.Data.CreateEnumerable<CtganTestData.Row>(CtganTestData.Create(mlContext, Rows, seed: 3), reuseRowObject: false).ToArray();
        var neighbour = rows.Select(r => new CtganTestData.Row { Amount = r.Amount, Kind = r.Kind, Region = r.Region, Count = r.Count, Flag = r.Flag }).ToArray();
        neighbour[17].Kind = "Zed";

        var (modelA, progressA, logA) = FitWatched(mlContext, mlContext.Data.LoadFromEnumerable(rows));
        var (modelB, progressB, logB) = FitWatched(mlContext, mlContext.Data.LoadFromEnumerable(neighbour));
        using (modelA)
        using (modelB)
        {
            Assert.AreEqual(modelA.Privacy, modelB.Privacy, "the saved privacy report must be the same for neighbouring tables (no exact count)");
            foreach (var progress in progressA.Concat(progressB))
                Assert.IsTrue(double.IsNaN(progress.DiscriminatorLoss), $"progress reported D loss {progress.DiscriminatorLoss}");
            Assert.IsTrue(modelA.TrainingSummary!.EpochLosses.All(l => double.IsNaN(l.Discriminator)), "the summary keeps no D loss");
            foreach (string line in logA.Concat(logB))
                Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(line, @"D loss -?\d"), $"the log released a D loss: {line}");
            string plan = logA.Single(l => l.StartsWith("Differential privacy:", StringComparison.Ordinal));
            foreach (string part in new[] { "Noisy estimate", "TransformerBudgetShare", "--dp-transformer-share" })
                StringAssert.Contains(plan, part);
        }
    }

    private static (CtganModel Model, List<GanProgress> Progress, List<string> Log) FitWatched(MLContext mlContext, IDataView data)
    {
        var progress = new List<GanProgress>();
        var log = new List<string>();
        void Listen(object? sender, LoggingEventArgs e) => log.Add(e.RawMessage);
        mlContext.Log += Listen;
        try
        {
            var options = Options();
            options.Progress = new Collect(progress);
            options.ProgressInterval = 1;
            return (mlContext.Gan().Tabular.Ctgan(options).Fit(data), progress, log);
        }
        finally
        {
            mlContext.Log -= Listen;
        }
    }

    /// <summary>Each pair's clipped (C = 1) critic gradient for one DP-SGD step at q = 1, with fixed secret randomness.</summary>
    private static float[][] PairGradients(CtganOptions options, DataTransformer transformer, EncodedTable encoded, int rows,
        out float[] buffersBefore, out float[] buffersAfter)
    {
        var layout = new ConditionLayout(transformer);
        var architecture = new CtganArchitecture(options.LatentDimension, [.. options.GeneratorLayers], transformer.OutputDimension, layout.Width);
        using var sampler = new ConditionalSampler(layout, encoded, CPU, rows);
        using var activation = new SpanActivation(transformer.Spans, layout, CPU);
        var plan = new PrivateTrainingPlan(1.0, 1.0, 1.0, rows, 100, new RdpAccountant());
        manual_seed(5); // the same networks for both tables
        using var problem = new PrivateCtganProblem(options, architecture, encoded, sampler,
            activation, CPU, plan, new torch.Generator(42));
        buffersBefore = Buffers(problem.Generator);
        var (real, fake) = problem.PairedCriticInputs();
        buffersAfter = Buffers(problem.Generator);
        var critic = (nn.Module<Tensor, Tensor>)problem.Discriminator;
        var objective = new AdversarialObjective(options);
        var parameters = critic.parameters().ToArray();
        var result = new float[rows][];
        for (int i = 0; i < rows; i++)
        {
            using var scope = NewDisposeScope();
            var loss = objective.Adversarial(critic.call(real[i..(i + 1)]), critic.call(fake[i..(i + 1)]));
            var gradient = cat(autograd.grad([loss], parameters).Select(g => g.flatten()).ToArray());
            var clipped = gradient * (1.0 / Math.Max(1.0, gradient.norm().item<float>()));
            result[i] = clipped.data<float>().ToArray();
        }
        return result;
    }

    private static float[] Buffers(nn.Module module) => module.buffers().Where(b => b.dtype == ScalarType.Float32)
        .SelectMany(b => b.data<float>().ToArray()).ToArray();

    private sealed class Collect(List<GanProgress> into) : IProgress<GanProgress>
    {
        public void Report(GanProgress value) => into.Add(value);
    }
}
