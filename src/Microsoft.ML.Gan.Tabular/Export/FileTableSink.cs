namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// A file output written through <see cref="AtomicFile"/>: the rows go to a temporary file that is renamed into
/// place on commit, followed by the JSON summary sidecar (a crash in between leaves data without a sidecar, never the
/// reverse). Both targets are checked when the sink is opened, before any row is generated.
/// </summary>
internal abstract class FileTableSink : ITableSink
{
    private readonly AtomicFile _file;
    private readonly string _sidecar;
    private readonly bool _overwrite;
    private bool _started;

    protected FileTableSink(string path, bool overwrite)
    {
        _overwrite = overwrite;
        _sidecar = AtomicFile.CheckTarget(SyntheticDataExporter.SummaryPath(path), overwrite);
        _file = AtomicFile.Create(path, overwrite);
    }

    protected Stream Stream => _file.Stream;

    public void Write(ExportTable batch, RowProgress progress)
    {
        if (!_started)
        {
            Start(batch);
            _started = true;
        }
        WriteRows(batch, progress);
    }

    public void Commit(ExportSummary summary)
    {
        Finish();
        _file.Commit();
        AtomicFile.Write(_sidecar, _overwrite, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(summary.ToJson());
        });
    }

    public void Dispose()
    {
        DisposeWriter();
        _file.Dispose();
    }

    /// <summary>Writes what precedes the rows (header, schema), from the first batch's columns.</summary>
    protected abstract void Start(ExportTable layout);

    protected abstract void WriteRows(ExportTable batch, RowProgress progress);

    /// <summary>Writes what follows the rows and flushes.</summary>
    protected abstract void Finish();

    protected virtual void DisposeWriter()
    {
    }
}
