namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Counts written rows across batches: every <see cref="SyntheticExportOptions.ProgressInterval"/> rows it checks for
/// cancellation and reports the count.
/// </summary>
internal sealed class RowProgress(IProgress<long>? progress, int interval, CancellationToken cancellationToken)
{
    public long Rows { get; private set; }

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>One more row written.</summary>
    public void Row()
    {
        if (++Rows % interval != 0)
            return;
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(Rows);
    }

    /// <summary>Reports the final count.</summary>
    public void Finish() => progress?.Report(Rows);
}
