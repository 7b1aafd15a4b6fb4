using System.Globalization;
using Microsoft.ML.Gan.Images.Networks;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Images.Training;

/// <summary>
/// Forwards progress reports to the user's receiver and, at each one, writes a PNG grid of the current generator's
/// images to <see cref="ImageGanOptions.SampleGridPath"/> (fixed noise, so grids are comparable across steps; a
/// conditional model shows class r mod K in row r). The generator is switched to eval mode for the grid and back.
/// The grid draws its noise from its own generator, so training's random stream is unaffected.
/// </summary>
internal sealed class SampleGridProgress : IProgress<GanProgress>
{
    private const int Side = 8;
    private readonly ImageGanOptions _options;
    private readonly DcganGenerator _network;
    private readonly ImageNetworkSpec _spec;
    private readonly long _seed;

    public SampleGridProgress(ImageGanOptions options, DcganGenerator network, ImageNetworkSpec spec, long seed)
    {
        _options = options;
        _network = network;
        _spec = spec;
        _seed = seed;
    }

    public void Report(GanProgress value)
    {
        _options.Progress?.Report(value);
        string path = _options.SampleGridPath!.Replace("{step}", value.Step.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        int side = _spec.LabelWidth > 0 ? Math.Max(_spec.ClassCount, 1) : Side;
        var pixels = new float[side * side * _spec.Shape.Length];
        var block = new float[Persistence.GanRowStream.BlockSize * _spec.Shape.Length];
        var generator = new ImageGanGenerator(_spec, 0, 1, _network, _network.parameters().First().device);
        try
        {
            for (int row = 0; row < side; row++)
            {
                if (_spec.LabelWidth > 0)
                    generator.GenerateBlockOfClass(_seed, row, row % _spec.ClassCount, block);
                else
                    generator.GenerateBlock(_seed, row, block);
                block.AsSpan(0, side * _spec.Shape.Length).CopyTo(pixels.AsSpan(row * side * _spec.Shape.Length));
            }
        }
        finally
        {
            _network.train();
        }
        ImageGrid.Save(path, new ImageSet(_spec.Shape, pixels), side, side);
    }
}
