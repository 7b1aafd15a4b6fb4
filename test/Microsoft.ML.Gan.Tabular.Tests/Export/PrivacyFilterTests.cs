using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Export;
using Microsoft.ML.Gan.Tabular.Tests.Evaluation;

namespace Microsoft.ML.Gan.Tabular.Tests.Export;

[TestClass]
public sealed class PrivacyFilterTests
{
    private static IDataView Merge(TabularTable a, TabularTable b)
    {
        // Two tables of the same kind: continuous values appended, categories mapped through their values.
        var columns = new List<TabularColumn>();
        foreach (var left in a.Columns)
        {
            var right = b[left.Name];
            if (left is ContinuousColumn l)
            {
                columns.Add(new ContinuousColumn(l.Name, l.Type, [.. l.Values.ToArray(), .. ((ContinuousColumn)right).Values.ToArray()]));
                continue;
            }
            var ld = (DiscreteColumn)left;
            var rd = (DiscreteColumn)right;
            var categories = ld.Categories.Concat(rd.Categories).Distinct().ToList();
            int[] codes = [.. ld.Codes.ToArray().Select(c => categories.IndexOf(ld.Categories[c])), .. rd.Codes.ToArray().Select(c => categories.IndexOf(rd.Categories[c]))];
            columns.Add(new DiscreteColumn(ld.Name, ld.Type, codes, categories, ld.KeyValues));
        }
        return new TabularTable(columns).ToDataView();
    }

    [TestMethod]
    public void CopiedTableIsRemovedEntirely()
    {
        var training = EvalTables.Linear(300, seed: 1, withRare: false);
        var exporter = new SyntheticDataExporter(new SyntheticExportOptions { RealTraining = training.ToDataView() });
        var kept = exporter.Filter(training.ToDataView(), out var summary);

        Assert.AreEqual(0, TabularTable.FromDataView(kept).RowCount);
        Assert.AreEqual(300, summary.InputRows);
        Assert.AreEqual(0, summary.OutputRows);
        var copies = summary.Filters.Single(f => f.Name == "ExactCopyRemoval");
        Assert.AreEqual(300, copies.RowsRemoved);
        Assert.AreEqual(0, summary.Filters.Single(f => f.Name == "RareCategorySuppression").RowsRemoved);
    }

    [TestMethod]
    public void OnlyCopiesAreRemovedFromAMix()
    {
        var training = EvalTables.Linear(300, seed: 1, withRare: false);
        var fresh = EvalTables.Linear(200, seed: 5, withRare: false);
        var mixed = Merge(TakeRows(training, 50), fresh);
        var kept = new SyntheticDataExporter(new SyntheticExportOptions { RealTraining = training.ToDataView() }).Filter(mixed, out var summary);

        Assert.AreEqual(50, summary.Filters.Single(f => f.Name == "ExactCopyRemoval").RowsRemoved);
        var x = ((ContinuousColumn)TabularTable.FromDataView(kept)["X"]).Values.ToArray();
        CollectionAssert.AreEqual(((ContinuousColumn)fresh["X"]).Values.ToArray(), x);
        // Same schema as the synthetic input.
        Assert.AreEqual(mixed.Schema.Count, kept.Schema.Count);
        for (int c = 0; c < kept.Schema.Count; c++)
            Assert.AreEqual(mixed.Schema[c].Type, kept.Schema[c].Type);
    }

    [TestMethod]
    public void RareCategoriesAreSetMissingOrDropped()
    {
        // "violet" is seen twice in training (below k = 5); "purple" never.
        var training = EvalTables.Linear(300, seed: 1);
        var synthetic = WithColors(EvalTables.Linear(100, seed: 6, withRare: false), ["violet", "violet", "violet", "purple"]);

        var missing = new SyntheticDataExporter(new SyntheticExportOptions { RealTraining = training.ToDataView(), DropExactCopies = false })
            .Filter(synthetic.ToDataView(), out var missingSummary);
        var step = missingSummary.Filters.Single();
        Assert.AreEqual("RareCategorySuppression", step.Name);
        Assert.AreEqual(4, step.ValuesSuppressed);
        Assert.AreEqual(0, step.RowsRemoved);
        var colors = (DiscreteColumn)TabularTable.FromDataView(missing)["Color"];
        Assert.AreEqual(100, colors.Length);
        for (int r = 0; r < 4; r++)
            Assert.AreEqual("", TestValue(colors, r));
        Assert.AreEqual(0, Enumerable.Range(0, 100).Count(r => TestValue(colors, r) is "violet" or "purple"));

        var dropped = new SyntheticDataExporter(new SyntheticExportOptions
        {
            RealTraining = training.ToDataView(),
            DropExactCopies = false,
            RareCategoryHandling = RareCategoryHandling.DropRow,
        }).Filter(synthetic.ToDataView(), out var dropSummary);
        Assert.AreEqual(4, dropSummary.Filters.Single().RowsRemoved);
        Assert.AreEqual(96, TabularTable.FromDataView(dropped).RowCount);
    }

    [TestMethod]
    public void CopiesAreCheckedBeforeAndAfterSuppression()
    {
        // "x" is rare (once, k = 5), "purple" never seen. (6, 1, x) copies a real row before suppression; (1, 1, purple)
        // becomes (1, 1, missing), a real row, once suppressed; (9, 1, purple) stays, suppressed.
        var training = EvalTables.Of([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], ["", "", "", "", "", "x"]);
        var synthetic = EvalTables.Of([1, 9, 6], [1, 1, 1], ["purple", "purple", "x"]);
        var kept = new SyntheticDataExporter(new SyntheticExportOptions { RealTraining = training.ToDataView() }).Filter(synthetic.ToDataView(), out var summary);

        CollectionAssert.AreEqual(new[] { "ExactCopyRemoval", "RareCategorySuppression" }, summary.Filters.Select(f => f.Name).ToArray());
        Assert.AreEqual(2, summary.Filters[0].RowsRemoved);
        Assert.AreEqual(2, summary.Filters[1].ValuesSuppressed);
        var table = TabularTable.FromDataView(kept);
        Assert.AreEqual(1, table.RowCount);
        Assert.AreEqual(9.0, ((ContinuousColumn)table["A"]).Values[0]);
        Assert.AreEqual("", TestValue((DiscreteColumn)table["C"], 0));
    }

    [TestMethod]
    public void RareBooleanHasNoMissingValueSoItsRowIsDropped()
    {
        var training = new TabularTable([new DiscreteColumn("Flag", BooleanDataViewType.Instance, [.. Enumerable.Range(0, 50).Select(i => i < 2 ? 1 : 0)], [false, true])]);
        var synthetic = new TabularTable([new DiscreteColumn("Flag", BooleanDataViewType.Instance, [1, 0, 0, 1, 0], [false, true])]);
        new SyntheticDataExporter(new SyntheticExportOptions { RealTraining = training.ToDataView(), DropExactCopies = false })
            .Filter(synthetic.ToDataView(), out var summary);
        Assert.AreEqual(2, summary.Filters.Single().RowsRemoved);
        Assert.AreEqual(0, summary.Filters.Single().ValuesSuppressed);
        Assert.AreEqual(3, summary.OutputRows);
    }

    [TestMethod]
    public void DcrThresholdRemovesNearCopiesAndKeepsFreshRows()
    {
        var training = EvalTables.Linear(600, seed: 1, withRare: false);
        var holdout = EvalTables.Linear(300, seed: 2, withRare: false);
        var nearCopies = Nudge(TakeRows(training, 100), 1e-6);
        var fresh = EvalTables.Linear(300, seed: 7, withRare: false);
        var exporter = new SyntheticDataExporter(new SyntheticExportOptions
        {
            RealTraining = training.ToDataView(),
            RealHoldout = holdout.ToDataView(),
            MinimumDcrQuantile = 0.05,
        });
        exporter.Filter(Merge(nearCopies, fresh), out var summary);

        var dcr = summary.Filters.Single(f => f.Name == "DcrThreshold");
        Assert.AreEqual(0, summary.Filters.Single(f => f.Name == "ExactCopyRemoval").RowsRemoved);
        // All 100 near copies go; about 5 % of the fresh rows are as close as the holdout's closest 5 %.
        Assert.IsGreaterThanOrEqualTo(100, dcr.RowsRemoved);
        Assert.IsLessThan(100 + 40, dcr.RowsRemoved);
        StringAssert.Contains(dcr.Settings, "0.05-quantile of 300 holdout rows");
    }

    [TestMethod]
    public void FiltersNeedTheRealRows()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new SyntheticDataExporter());
        StringAssert.Contains(error.Message, "RealTraining");
        var holdout = Assert.ThrowsExactly<ArgumentException>(() => new SyntheticDataExporter(new SyntheticExportOptions
        {
            RealTraining = EvalTables.Linear(10, seed: 1).ToDataView(),
            MinimumDcrQuantile = 0.05,
        }));
        StringAssert.Contains(holdout.Message, "RealHoldout");
    }

    [TestMethod]
    public void FilteredCsvExportRecordsTheFilters()
    {
        using var folder = new TempFolder();
        var training = EvalTables.Linear(200, seed: 1);
        string path = folder.File("out.csv");
        var summary = new SyntheticDataExporter(new SyntheticExportOptions { RealTraining = training.ToDataView() }).ToCsv(training.ToDataView(), path);

        Assert.AreEqual(0, summary.OutputRows);
        Assert.HasCount(1, Csv.Parse(File.ReadAllText(path)));
        string sidecar = File.ReadAllText(SyntheticDataExporter.SummaryPath(path));
        StringAssert.Contains(sidecar, "\"ExactCopyRemoval\"");
        StringAssert.Contains(sidecar, "\"RareCategorySuppression\"");
    }

    private static object TestValue(DiscreteColumn column, int row) => column.Categories[column.Codes[row]];

    private static TabularTable TakeRows(TabularTable table, int count) => new(table.Columns.Select<TabularColumn, TabularColumn>(c => c switch
    {
        ContinuousColumn x => new ContinuousColumn(x.Name, x.Type, x.Values[..count].ToArray()),
        DiscreteColumn d => new DiscreteColumn(d.Name, d.Type, d.Codes[..count].ToArray(), d.Categories, d.KeyValues),
        _ => throw new NotSupportedException(),
    }));

    private static TabularTable Nudge(TabularTable table, double delta) => new(table.Columns.Select(c =>
        c is ContinuousColumn x ? new ContinuousColumn(x.Name, x.Type, [.. x.Values.ToArray().Select(v => v + delta)]) : c));

    private static TabularTable WithColors(TabularTable table, string[] first)
    {
        var color = (DiscreteColumn)table["Color"];
        var categories = color.Categories.Concat(first.Distinct()).Distinct().ToList();
        int[] codes = color.Codes.ToArray();
        for (int r = 0; r < first.Length; r++) codes[r] = categories.IndexOf(first[r]);
        return new TabularTable(table.Columns.Select(c => c.Name == "Color" ? new DiscreteColumn("Color", color.Type, codes, categories) : c));
    }
}
