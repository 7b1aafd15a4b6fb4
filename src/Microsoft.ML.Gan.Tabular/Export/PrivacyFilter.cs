using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Evaluation;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>Applies the export's privacy filters to a synthetic table: exact copies, rare-category suppression, DCR.</summary>
internal static class PrivacyFilter
{
    public static (TabularTable Table, List<FilterStepSummary> Steps) Apply(TabularTable synthetic, SyntheticExportOptions options, CancellationToken cancellationToken)
    {
        var steps = new List<FilterStepSummary>();
        if (!options.FiltersReadRealRows)
            return (synthetic, steps);
        var read = new TabularReadOptions { DiscreteColumns = options.DiscreteColumns };
        var training = TabularTable.FromDataView(options.RealTraining, read);
        var holdout = options.RealHoldout is null ? null : TabularTable.FromDataView(options.RealHoldout, read);

        // Exact copies go before suppression (a copy with a suppressed value still leaks its other values) and again
        // after it (suppression can turn a row into a copy of a real row with a missing value).
        int copies = 0;
        if (options.DropExactCopies)
            (synthetic, copies) = RemoveCopies(synthetic, training);
        FilterStepSummary? rare = null;
        if (options.RareCategoryThreshold > 0)
        {
            var aligned = AlignedTables.Align(("real training", training), ("synthetic", synthetic));
            (synthetic, rare) = SuppressRare(synthetic, aligned.Tables[0], aligned.Tables[1], options);
            if (options.DropExactCopies && rare.ValuesSuppressed > 0)
            {
                (synthetic, int more) = RemoveCopies(synthetic, training);
                copies += more;
            }
        }
        if (options.DropExactCopies)
            steps.Add(new FilterStepSummary { Name = "ExactCopyRemoval", Settings = "rows equal in every column to a real training row (checked before and after suppression)", RowsRemoved = copies });
        if (rare is not null)
            steps.Add(rare);
        cancellationToken.ThrowIfCancellationRequested();

        if (options.MinimumDcrQuantile is { } q)
        {
            var aligned = AlignedTables.Align(("real training", training), ("synthetic", synthetic), ("holdout", holdout!));
            var distance = new RecordDistance(aligned.Tables[0]);
            var sample = PrivacyMetrics.Sample(aligned.Tables[2], options.HoldoutSampleSize, new Random(options.Seed));
            double threshold = PrivacyMetrics.Quantile(distance.Closest(sample, cancellationToken), q);
            double[] dcr = distance.Closest(aligned.Tables[1], cancellationToken);
            int[] keep = [.. Enumerable.Range(0, dcr.Length).Where(r => dcr[r] >= threshold)];
            steps.Add(new FilterStepSummary
            {
                Name = "DcrThreshold",
                Settings = string.Create(CultureInfo.InvariantCulture,
                    $"distance to closest real training row below {threshold:G6}, the {q:G4}-quantile of {sample.RowCount} holdout rows' distances"),
                RowsRemoved = dcr.Length - keep.Length,
            });
            synthetic = SelectRows(synthetic, keep);
        }
        return (synthetic, steps);
    }

    private static (TabularTable Table, int Removed) RemoveCopies(TabularTable synthetic, TabularTable training)
    {
        var aligned = AlignedTables.Align(("real training", training), ("synthetic", synthetic));
        bool[] copies = new ExactCopyIndex(aligned.Tables[0]).Matches(aligned.Tables[1]);
        int[] keep = [.. Enumerable.Range(0, copies.Length).Where(r => !copies[r])];
        return (SelectRows(synthetic, keep), copies.Length - keep.Length);
    }

    private static (TabularTable, FilterStepSummary) SuppressRare(TabularTable synthetic, AlignedTable real, AlignedTable rows, SyntheticExportOptions options)
    {
        int k = options.RareCategoryThreshold;
        var schema = rows.Schema;
        var drop = new bool[rows.RowCount];
        var columns = new List<TabularColumn>(synthetic.Columns.Count);
        int suppressed = 0;
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
                suppressed++;
            }
            columns.Add(changed ? new DiscreteColumn(discrete.Name, discrete.Type, codes, categories, discrete.KeyValues) : discrete);
        }
        var table = new TabularTable(columns);
        int[] kept = [.. Enumerable.Range(0, drop.Length).Where(r => !drop[r])];
        string handling = options.RareCategoryHandling == RareCategoryHandling.DropRow
            ? "rows dropped"
            : "values set to missing (rows dropped where the column has no missing value)";
        return (SelectRows(table, kept), new FilterStepSummary
        {
            Name = "RareCategorySuppression",
            Settings = $"categories seen fewer than {k} times in the real training rows; {handling}",
            RowsRemoved = drop.Length - kept.Length,
            ValuesSuppressed = suppressed,
        });
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
