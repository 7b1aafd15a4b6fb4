using Microsoft.ML.Gan.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>
/// A generator with batch norm trained with an EMA: the averaged generator the engine returns must carry batch-norm
/// statistics of its own weights (not those the training weights accumulated), so eval-mode sampling is unbiased.
/// </summary>
[TestClass]
public sealed class GeneratorEmaStatisticsTests
{
    private const int Inputs = 3;
    private const int Features = 4;

    private sealed class BatchNormProblem : IAdversarialProblem, IDisposable
    {
        private readonly Sequential _generator = NewGenerator();
        private readonly nn.Module<Tensor, Tensor> _discriminator = nn.Linear(Features, 1);

        public nn.Module Generator => _generator;

        public nn.Module Discriminator => _discriminator;

        public long RowCount => 640;

        public nn.Module CreateGeneratorReplica() => NewGenerator();

        public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize) =>
            objective.Adversarial(_discriminator.call(randn(batchSize, Features)), _discriminator.call(_generator.call(Noise(batchSize)).detach()));

        public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize) =>
            objective.Generator(_discriminator.call(_generator.call(Noise(batchSize))));

        public static Tensor Noise(long rows) => randn(rows, Inputs) * 2 + 1;

        private static Sequential NewGenerator() => nn.Sequential(("linear", nn.Linear(Inputs, Features)), ("norm", nn.BatchNorm1d(Features)));

        public void Dispose()
        {
            _generator.Dispose();
            _discriminator.Dispose();
        }
    }

    [TestMethod]
    public void AveragedGeneratorGetsTheStatisticsOfItsOwnWeights()
    {
        random.manual_seed(2);
        using var problem = new BatchNormProblem();
        // A large learning rate moves the training weights far ahead of their average, so statistics copied from the
        // training network would be far from the average's own.
        var options = new GanTrainingOptions
        {
            MaxSteps = 40, BatchSize = 64, GeneratorLearningRate = 0.1, GeneratorEmaDecay = 0.98, Threads = 1, Seed = 2,
        };
        var (average, _) = new GanTrainer(options).Train(problem, seed: 2);
        using var averaged = (Sequential)average;

        using var scope = NewDisposeScope();
        var linear = (Linear)averaged.children().First();
        var norm = (BatchNorm1d)averaged.children().Last();
        Tensor activations;
        using (no_grad())
            activations = linear.call(BatchNormProblem.Noise(200_000));
        var mean = activations.mean([0]);
        var variance = activations.var([0]);

        Assert.IsFalse(averaged.training, "the returned generator samples in eval mode");
        Assert.IsLessThan(0.1, (norm.running_mean! - mean).abs().max().item<float>(), "running mean of the averaged weights");
        Assert.IsLessThan(0.15, ((norm.running_var! - variance).abs() / variance).max().item<float>(), "running variance (relative)");
    }
}
