using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary>
/// The engine's two optional hooks: a problem that writes its critic's gradients itself (<see cref="IDiscriminatorGradients"/>)
/// gets exactly those gradients applied, and <see cref="IAdversarialProblem.IsExhausted"/> stops training before the
/// planned steps.
/// </summary>
[TestClass]
public sealed class ProblemHooksTests
{
    private sealed class ConstantGradientProblem : IAdversarialProblem, IDiscriminatorGradients, IDisposable
    {
        private readonly nn.Module<Tensor, Tensor> _generator = nn.Linear(2, 2);
        private readonly nn.Module<Tensor, Tensor> _discriminator = nn.Sequential(("out", nn.Linear(2, 1)));

        public int StopAfter { get; init; }

        public int Calls { get; private set; }

        public nn.Module Generator => _generator;

        public nn.Module Discriminator => _discriminator;

        public long RowCount => 100;

        public bool IsExhausted => Calls >= StopAfter;

        public nn.Module CreateGeneratorReplica() => nn.Linear(2, 2);

        public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize) =>
            throw new InvalidOperationException("The engine must ask for the gradients, not the loss.");

        public double WriteDiscriminatorGradients(AdversarialObjective objective, int batchSize)
        {
            foreach (var parameter in _discriminator.parameters())
                parameter.grad = ones_like(parameter);
            Calls++;
            return 0.5;
        }

        public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize) =>
            objective.Generator(_discriminator.call(_generator.call(randn(batchSize, 2))));

        public void Dispose()
        {
            _generator.Dispose();
            _discriminator.Dispose();
        }
    }

    [TestMethod]
    public void WrittenGradientsAreAppliedAndExhaustionStopsTraining()
    {
        using var problem = new ConstantGradientProblem { StopAfter = 7 };
        var options = new GanTrainingOptions { Epochs = 5, BatchSize = 10, DiscriminatorLearningRate = 1e-3, Seed = 1 };
        var before = cat(problem.Discriminator.parameters().Select(p => p.detach().flatten().clone()).ToArray());

        var (_, summary) = new GanTrainer(options).Train(problem, seed: 1);

        Assert.AreEqual(7, summary.Steps, "50 steps were planned; the problem was exhausted after 7");
        Assert.AreEqual(7, problem.Calls);
        // Adam with a constant gradient of 1 moves every weight by the learning rate per step.
        var after = cat(problem.Discriminator.parameters().Select(p => p.detach().flatten()).ToArray());
        Assert.IsTrue(allclose(before - after, full_like(before, 7e-3), rtol: 1e-3, atol: 1e-6),
            $"moved by {string.Join(", ", (before - after).data<float>().ToArray())}");
    }
}
