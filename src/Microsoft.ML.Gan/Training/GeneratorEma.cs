using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Training;

/// <summary>Exponential moving average of a generator's weights (buffers are copied as they are).</summary>
internal sealed class GeneratorEma : IDisposable
{
    private readonly double _decay;

    public GeneratorEma(nn.Module source, nn.Module replica, double decay)
    {
        _decay = decay;
        Average = replica;
        using (no_grad())
        {
            foreach (var (target, value) in Average.parameters().Zip(source.parameters()))
                target.copy_(value);
        }
        CopyBuffers(source);
        Average.eval();
        foreach (var parameter in Average.parameters())
            parameter.requires_grad = false;
    }

    public nn.Module Average { get; }

    public void Update(nn.Module source)
    {
        using (no_grad())
        {
            foreach (var (target, value) in Average.parameters().Zip(source.parameters()))
                target.mul_(_decay).add_(value, alpha: 1 - _decay);
        }
        CopyBuffers(source);
    }

    private void CopyBuffers(nn.Module source)
    {
        using (no_grad())
        {
            foreach (var (target, value) in Average.buffers().Zip(source.buffers()))
                target.copy_(value);
        }
    }

    public void Dispose() => Average.Dispose();
}
