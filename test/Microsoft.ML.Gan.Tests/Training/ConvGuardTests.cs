using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>
/// The engine on a small convolutional GAN (8×8 single-channel squares): steps stay finite, and non-finite losses
/// are skipped and counted instead of corrupting the weights.
/// </summary>
[TestClass]
public sealed class ConvGuardTests
{
    /// <summary>A tiny DCGAN-shaped problem; every <see cref="PoisonEvery"/>-th discriminator loss is made NaN.</summary>
    private sealed class SquaresProblem : IAdversarialProblem, IDisposable
    {
        private readonly Tensor _images;
        private readonly nn.Module<Tensor, Tensor> _generator = CreateGenerator();
        private readonly nn.Module<Tensor, Tensor> _discriminator = nn.Sequential(
            nn.Conv2d(1, 4, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),
            nn.Conv2d(4, 8, 4, stride: 2, padding: 1), nn.LeakyReLU(0.2),
            nn.Flatten(), nn.Linear(8 * 2 * 2, 1));
        private long _discriminatorCalls;

        public SquaresProblem(int count)
        {
            var images = zeros(count, 1, 8, 8);
            var random = new Random(5);
            for (int i = 0; i < count; i++)
            {
                int size = random.Next(2, 5), row = random.Next(0, 8 - size), column = random.Next(0, 8 - size);
                images[i, 0, TensorIndex.Slice(row, row + size), TensorIndex.Slice(column, column + size)] = ones(size, size);
            }
            _images = images * 2 - 1;
        }

        public int PoisonEvery { get; init; }

        public long Poisoned { get; private set; }

        public long DiscriminatorCalls => _discriminatorCalls;

        public nn.Module Generator => _generator;

        public nn.Module Discriminator => _discriminator;

        public long RowCount => _images.shape[0];

        public nn.Module CreateGeneratorReplica() => CreateGenerator();

        private static nn.Module<Tensor, Tensor> CreateGenerator() => nn.Sequential(
            nn.Unflatten(1, new long[] { 8, 1, 1 }),
            nn.ConvTranspose2d(8, 8, 2, stride: 1), nn.BatchNorm2d(8), nn.ReLU(),
            nn.ConvTranspose2d(8, 4, 4, stride: 2, padding: 1), nn.BatchNorm2d(4), nn.ReLU(),
            nn.ConvTranspose2d(4, 1, 4, stride: 2, padding: 1), nn.Tanh());

        public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
        {
            var real = _images.index_select(0, randint(RowCount, batchSize, dtype: ScalarType.Int64));
            var loss = objective.Discriminator(_discriminator.call, real, _generator.call(randn(batchSize, 8)));
            _discriminatorCalls++;
            if (PoisonEvery > 0 && _discriminatorCalls % PoisonEvery == 0)
            {
                Poisoned++;
                return loss * float.NaN;
            }
            return loss;
        }

        public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize) =>
            objective.Generator(_discriminator.call(_generator.call(randn(batchSize, 8))));

        public void Dispose()
        {
            _generator.Dispose();
            _discriminator.Dispose();
            _images.Dispose();
        }
    }

    private static bool AllFinite(nn.Module module) =>
        module.parameters().All(p => isfinite(p).all().item<bool>());

    [TestMethod]
    public void ConvolutionalStepsStayFiniteOverManySteps()
    {
        using var problem = new SquaresProblem(256);
        var options = new GanTrainingOptions { MaxSteps = 300, BatchSize = 32, Threads = 1 };
        var (_, summary) = new GanTrainer(options).Train(problem, seed: 1);
        Assert.AreEqual(300, summary.Steps);
        Assert.IsTrue(AllFinite(problem.Generator) && AllFinite(problem.Discriminator));
        Assert.IsTrue(summary.EpochLosses.All(l => double.IsFinite(l.Discriminator) && double.IsFinite(l.Generator)));
    }

    [TestMethod]
    public void NonFiniteLossesAreSkippedAndCounted()
    {
        using var problem = new SquaresProblem(256) { PoisonEvery = 7 };
        var options = new GanTrainingOptions { MaxSteps = 70, BatchSize = 32, Threads = 1, GradientClipNorm = 10 };
        var reports = new List<GanProgress>();
        options.Progress = new Progress<GanProgress>(reports.Add);
        var (_, summary) = new GanTrainer(options).Train(problem, seed: 1);
        Assert.AreEqual(10, problem.Poisoned);
        Assert.AreEqual(10, summary.SkippedSteps);
        Assert.IsTrue(AllFinite(problem.Generator) && AllFinite(problem.Discriminator), "a NaN step reached the weights");
    }

    [TestMethod]
    public void WeightClippingBoundsEveryDiscriminatorWeight()
    {
        using var problem = new SquaresProblem(128);
        var options = new GanTrainingOptions
        {
            MaxSteps = 10, BatchSize = 32, Threads = 1, WeightClip = 0.01, Loss = Microsoft.ML.Gan.Losses.AdversarialLoss.Wasserstein,
            Optimizer = OptimizerKind.RmsProp, DiscriminatorLearningRate = 5e-3,
        };
        new GanTrainer(options).Train(problem, seed: 1);
        Assert.IsTrue(problem.Discriminator.parameters().All(p => p.abs().max().item<float>() <= 0.01f + 1e-7f));
    }

    [TestMethod]
    public void ZeroCriticStepsTrainTheGeneratorAlone()
    {
        using var problem = new SquaresProblem(64);
        var before = problem.Discriminator.parameters().Select(p => p.clone()).ToList();
        var generatorBefore = problem.Generator.parameters().Select(p => p.clone()).ToList();
        var options = new GanTrainingOptions { MaxSteps = 5, BatchSize = 16, Threads = 1, CriticSteps = 0 };
        var (_, summary) = new GanTrainer(options).Train(problem, seed: 1);
        Assert.AreEqual(5, summary.Steps);
        Assert.AreEqual(0, problem.DiscriminatorCalls, "no discriminator step");
        Assert.IsTrue(before.Zip(problem.Discriminator.parameters()).All(p => p.First.allclose(p.Second, 0, 0)), "D is unchanged");
        Assert.IsFalse(generatorBefore.Zip(problem.Generator.parameters()).All(p => p.First.allclose(p.Second, 0, 0)), "G learned");
    }
}
