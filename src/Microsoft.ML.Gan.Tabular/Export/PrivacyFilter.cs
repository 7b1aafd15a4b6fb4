using Microsoft.ML.Gan.Tabular.Evaluation;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// The export's privacy filters, applied batch by batch: exact copies, rare-category suppression, DCR. The real rows
/// are read, and the DCR threshold computed, once; every filter is row by row, so batching does not change which rows
/// are kept. The counts add up over the batches into the summary steps.
/// </summary>
internal sealed class PrivacyFilter
{
    private readonly SyntheticExportOptions _options;
    private readonly TabularReadOptions _read;
    private readonly TabularTable? _training;
    private readonly (double Value, int HoldoutRows)? _dcrThreshold;
    private readonly Dictionary<string, long> _blankedByColumn = new(StringComparer.Ordinal);
    private long _copies, _rareRows, _rareValues, _dcrRows;

    public PrivacyFilter(SyntheticExportOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        _read = new TabularReadOptions { DiscreteColumns = options.DiscreteColumns };
        if (!options.FiltersReadRealRows)
            return;
        _training = TabularTable.FromDataView(options.RealTraining, _read);
        if (options.MinimumDcrQuantile is { } q)
        {
            var holdout = TabularTable.FromDataView(options.RealHoldout!, _read);
            var aligned = AlignedTables.Align(("real training", _training), ("holdout", holdout));
            var sample = PrivacyMetrics.Sample(aligned.Tables[1], options.HoldoutSampleSize, new Random(options.Seed));
            double threshold = PrivacyMetrics.Quantile(new RecordDistance(aligned.Tables[0]).Closest(sample, cancellationToken), q);
            _dcrThreshold = (threshold, sample.RowCount);
        }
    }

    /// <summary>Whether any filter runs (the real rows were given).</summary>
    public bool Active => _training is not null;

    /// <summary>
    /// The kept rows of one batch; the batch is read with the export's column kinds first. <paramref name="keptRows"/>
    /// gets the kept rows' places in the batch, or null when every row is kept unfiltered.
    /// </summary>
    public TabularTable Apply(TabularTable synthetic, CancellationToken cancellationToken, out int[]? keptRows)
    {
        keptRows = null;
        if (_training is null)
            return synthetic;
        synthetic = TabularTable.FromDataView(synthetic.ToDataView(), _read);
        int[] kept = [.. Enumerable.Range(0, synthetic.RowCount)];
        // Exact copies go before suppression (a copy with a suppressed value still leaks its other values) and again
        // after it (suppression can turn a row into a copy of a real row with a missing value).
        if (_options.DropExactCopies)
            synthetic = RemoveCopies(synthetic, ref kept);
        if (_options.RareCategoryThreshold > 0)
        {
            var aligned = AlignedTables.Align(("real training", _training), ("synthetic", synthetic));
            long blanked = _rareValues;
            synthetic = SuppressRare(synthetic, aligned.Tables[0], aligned.Tables[1], ref kept);
            if (_options.DropExactCopies && _rareValues > blanked)
                synthetic = RemoveCopies(synthetic, ref kept);
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (_dcrThreshold is { } threshold)
        {
            var aligned = AlignedTables.Align(("real training", _training), ("synthetic", synthetic));
            double[] dcr = new RecordDistance(aligned.Tables[0]).Closest(aligned.Tables[1], cancellationToken);
            int[] keep = [.. Enumerable.Range(0, dcr.Length).Where(r => dcr[r] >= threshold.Value)];
            _dcrRows += dcr.Length - keep.Length;
            synthetic = Select(synthetic, keep, ref kept);
        }
        keptRows = kept;
        return synthetic;
    }

    /// <summary>The rows at <paramref name="keep"/>; <paramref name="kept"/> follows them.</summary>
    private static TabularTable Select(TabularTable table, int[] keep, ref int[] kept)
    {
        kept = Pick<int>(kept, keep);
        return SelectRows(table, keep);
    }

    /// <summary>What each filter did over all batches so far, in the order they run.</summary>
    public List<FilterStepSummary> Steps()
    {
        var steps = new List<FilterStepSummary>();
        if (_training is null)
            return steps;
        if (_options.DropExactCopies)
            steps.Add(new FilterStepSummary { Name = "ExactCopyRemoval", Settings = "rows equal in every column to a real training row (checked before and after suppression)", RowsRemoved = _copies });
        if (_options.RareCategoryThreshold > 0)
        {
            string handling = _options.RareCategoryHandling == RareCategoryHandling.DropRow
                ? "rows dropped"
                : "values set to missing (rows dropped where the column has no missing value)";
            steps.Add(new FilterStepSummary
            {
                Name = "RareCategorySuppression",
                Settings = $"categories seen fewer than {_options.RareCategoryThreshold} times in the real training rows; {handling}",
                RowsRemoved = _rareRows,
                ValuesSuppressed = _rareValues,
                ValuesSuppressedByColumn = new Dictionary<string, long>(_blankedByColumn),
            });
        }
        if (_dcrThreshold is { } threshold)
        {
            steps.Add(new FilterStepSummary
            {
                Name = "DcrThreshold",
                Settings = string.Create(CultureInfo.InvariantCulture,
                    $"distance to closest real training row below {threshold.Value:G6}, the {_options.MinimumDcrQuantile:G4}-quantile of {threshold.HoldoutRows} holdout rows' distances"),
                RowsRemoved = _dcrRows,
            });
        }
        return steps;
    }

    private TabularTable RemoveCopies(TabularTable synthetic, ref int[] kept)
    {
        var aligned = AlignedTables.Align(("real training", _training!), ("synthetic", synthetic));
        bool[] copies = new ExactCopyIndex(aligned.Tables[0]).Matches(aligned.Tables[1]);
        int[] keep = [.. Enumerable.Range(0, copies.Length).Where(r => !copies[r])];
        _copies += copies.Length - keep.Length;
        return Select(synthetic, keep, ref kept);
    }

    private TabularTable SuppressRare(TabularTable synthetic, AlignedTable real, AlignedTable rows, ref int[] kept)
    {
        var options = _options;
        int k = options.RareCategoryThreshold;
        var schema = rows.Schema;
        var drop = new bool[rows.RowCount];
        var columns = new List<TabularColumn>(synthetic.Columns.Count);
        foreach (var column in synthetic.Columns)
        {
            int c = schema.IndexOf(column.Name);
            if (column is not DiscreteColumn discrete)
            {
                columns.Add(column);
                continue;
            }
            int[] realCounts = real.CategoryCounts(c);
            int[] aligned = rows.Codes(c);
            // The missing value is never suppressed: it carries nothing about a real record.
            var categories = discrete.Categories.ToList();
            int missing = MissingCode(discrete, categories);
            int[] codes = discrete.Codes.ToArray();
            bool changed = false;
            for (int r = 0; r < codes.Length; r++)
            {
                if (realCounts[aligned[r]] >= k || codes[r] == missing && missing >= 0) continue;
                if (options.RareCategoryHandling == RareCategoryHandling.DropRow || missing < 0)
                {
                    drop[r] = true;
                    continue;
                }
                codes[r] = missing;
                changed = true;
                _rareValues++;
                _blankedByColumn[discrete.Name] = _blankedByColumn.GetValueOrDefault(discrete.Name) + 1;
            }
            columns.Add(changed ? new DiscreteColumn(discrete.Name, discrete.Type, codes, categories, discrete.KeyValues) : discrete);
        }
        var table = new TabularTable(columns);
        int[] remaining = [.. Enumerable.Range(0, drop.Length).Where(r => !drop[r])];
        _rareRows += drop.Length - remaining.Length;
        return Select(table, remaining, ref kept);
    }

    /// <summary>
    /// The code of the column's missing value (empty text, key 0, NaN), added to <paramref name="categories"/> when
    /// absent; -1 when the type has no missing value.
    /// </summary>
    private static int MissingCode(DiscreteColumn column, List<object> categories)
    {
        object? missing = column.Type switch
        {
            TextDataViewType => "",
            KeyDataViewType key => Convert.ChangeType(0, key.RawType, CultureInfo.InvariantCulture),
            NumberDataViewType when column.Type.RawType == typeof(float) => float.NaN,
            NumberDataViewType when column.Type.RawType == typeof(double) => double.NaN,
            _ => null,
        };
        if (missing is null) return -1;
        int index = categories.FindIndex(c => c.Equals(missing));
        if (index >= 0) return index;
        categories.Add(missing);
        return categories.Count - 1;
    }

    /// <summary>The rows at <paramref name="rows"/>, with every column's type and categories kept.</summary>
    public static TabularTable SelectRows(TabularTable table, int[] rows)
    {
        if (rows.Length == table.RowCount) return table;
        return new TabularTable(table.Columns.Select<TabularColumn, TabularColumn>(column => column switch
        {
            ContinuousColumn c => new ContinuousColumn(c.Name, c.Type, Pick(c.Values, rows)),
            DiscreteColumn d => new DiscreteColumn(d.Name, d.Type, Pick(d.Codes, rows), d.Categories, d.KeyValues),
            _ => throw new NotSupportedException($"Column kind {column.GetType().Name} is not supported."),
        }));
    }

    private static T[] Pick<T>(ReadOnlySpan<T> values, int[] rows)
    {
        var result = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }
}
