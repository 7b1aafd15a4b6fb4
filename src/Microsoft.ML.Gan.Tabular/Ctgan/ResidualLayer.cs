using TorchSharp.Modules;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>CTGAN's generator block: Linear → BatchNorm → ReLU, its output concatenated with its input.</summary>
internal sealed class ResidualLayer : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc;
    private readonly BatchNorm1d bn;

    public ResidualLayer(long inputs, long outputs) : base(nameof(ResidualLayer))
    {
        fc = nn.Linear(inputs, outputs);
        bn = nn.BatchNorm1d(outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = nn.functional.relu(bn.call(fc.call(input)));
        return cat([output, input], 1).MoveToOuterDisposeScope();
    }
}
