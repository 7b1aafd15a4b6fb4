using System.Globalization;

namespace Microsoft.ML.Gan.Images.Training;

/// <summary>
/// Forwards progress reports to the user's receiver and, at each one, writes a PNG grid of the current generator's
/// images to <see cref="ImageColumnOptions.SampleGridPath"/> (fixed noise, so grids are comparable across steps; a
/// conditional model shows class r mod K in row r). The generator is switched to eval mode for the grid and back.
/// The grid draws its noise from its own generator, so training's random stream is unaffected.
/// </summary>
internal sealed class SampleGridProgress : IProgress<GanProgress>
{
    private const int Side = 8;
    private readonly ImageColumnOptions _options;
    private readonly torch.nn.Module _network;
    private readonly Func<ImageGenerator> _view;
    private readonly long _seed;

    /// <param name="options">Where to write and whom to forward reports to.</param>
    /// <param name="network">The live generator network (back in train mode after each grid).</param>
    /// <param name="view">Wraps the live network as a generator with pixels in [0, 1] (it may switch it to eval mode; never disposed).</param>
    /// <param name="seed">Seed of the grid's noise.</param>
    public SampleGridProgress(ImageColumnOptions options, torch.nn.Module network, Func<ImageGenerator> view, long seed)
    {
        _options = options;
        _network = network;
        _view = view;
        _seed = seed;
    }

    public void Report(GanProgress value)
    {
        _options.Progress?.Report(value);
        string path = _options.SampleGridPath!.Replace("{step}", value.Step.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var generator = _view();
        var shape = generator.Shape;
        var labelled = generator is ILabelConditionedGenerator { ClassCount: > 0 } conditioned ? conditioned : null;
        int side = labelled?.ClassCount ?? Side;
        var pixels = new float[side * side * shape.Length];
        var block = new float[Persistence.GanRowStream.BlockSize * shape.Length];
        try
        {
            for (int row = 0; row < side; row++)
            {
                if (labelled is not null)
                    labelled.GenerateBlockOfClass(_seed, row, row, block);
                else
                    generator.GenerateBlock(_seed, row, block);
                block.AsSpan(0, side * shape.Length).CopyTo(pixels.AsSpan(row * side * shape.Length));
            }
        }
        finally
        {
            _network.train();
        }
        ImageGrid.Save(path, new ImageSet(shape, pixels), side, side);
    }
}
