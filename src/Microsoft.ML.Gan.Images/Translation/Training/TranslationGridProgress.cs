using System.Globalization;
using Microsoft.ML.Gan.Images.Metrics;

namespace Microsoft.ML.Gan.Images.Training.Translation;

/// <summary>
/// Forwards progress reports to the user's receiver and, at each one, writes a PNG grid of fixed training inputs, the
/// live generator's translations and the targets (one row per input) to
/// <see cref="ImageTranslationOptions.SampleGridPath"/>. The generator is switched to eval mode for the grid and back;
/// no random numbers are drawn, so training's random stream is unaffected.
/// </summary>
internal sealed class TranslationGridProgress : IProgress<GanProgress>
{
    public const int Rows = 8;
    private readonly IProgress<GanProgress>? _inner;
    private readonly string _pathTemplate;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly ImageSet _inputs;
    private readonly ImageSet _targets;
    private readonly ImageShape _outputShape;
    private readonly Device _device;

    public TranslationGridProgress(IProgress<GanProgress>? inner, string pathTemplate, nn.Module<Tensor, Tensor> network,
        ImageSet inputs, ImageSet targets, ImageShape outputShape, Device device)
    {
        _inner = inner;
        _pathTemplate = pathTemplate;
        _network = network;
        _inputs = inputs.Take(Rows);
        _targets = targets.Take(Rows);
        _outputShape = outputShape;
        _device = device;
    }

    public void Report(GanProgress value)
    {
        _inner?.Report(value);
        string path = _pathTemplate.Replace("{step}", value.Step.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        ImageSet outputs;
        _network.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var translated = ((_network.call(ImageTensors.Pixels(_inputs).to(_device)) + 1) / 2).clamp(0, 1).to(CPU).contiguous();
            outputs = new ImageSet(_outputShape, translated.data<float>().ToArray());
        }
        finally
        {
            _network.train();
        }
        int rows = Math.Min(_inputs.Count, _targets.Count);
        ImageGrid.SavePairs(path, new[] { _inputs.Take(rows), outputs.Take(rows), _targets.Take(rows) });
    }
}
