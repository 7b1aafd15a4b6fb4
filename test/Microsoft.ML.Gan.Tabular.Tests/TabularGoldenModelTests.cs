using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tvae;
using Microsoft.ML.Gan.Testing;

namespace Microsoft.ML.Gan.Tabular.Tests;

/// <summary>
/// Golden models of every tabular family (see <see cref="GoldenModels"/>): CTGAN (with the file's metadata: generated
/// identifiers, the file's column order), DP-CTGAN, CTGAN conditioned by an input column, TVAE (plain and conditioned on its label), TabDDPM and the Gaussian copula, each saved
/// by an earlier build, must load with today's code and give the rows (schema and values) recorded when it was saved.
/// Continuous values may differ by <see cref="RelativeTolerance"/> (the sampling numerics may be refactored);
/// categories, Booleans and generated identifiers must be equal.
/// </summary>
[TestClass]
public sealed class TabularGoldenModelTests
{
    /// <summary>The relative tolerance of continuous values (relative to max(1, |recorded|)).</summary>
    private const double RelativeTolerance = 1e-4;

    /// <summary>
    /// A family: its file name, the body version its codec writes today (what the writer saves) and the first one with
    /// golden files, how to fit a tiny model, how to load one, and the rows recorded.
    /// </summary>
    private sealed record GoldenFamily(string Name, (int First, int Current) Versions, Func<MLContext, TabularFile, ITransformer> Fit,
        Func<MLContext, string, ITransformer> Load, Func<MLContext, ITransformer, IDataView[]> Output)
    {
        /// <summary>
        /// The body versions whose golden files must be present, from the first golden files to today's: a bumped
        /// version fails until its files are written, and the older files keep proving that older models load.
        /// </summary>
        public int[] Committed => [.. Enumerable.Range(Versions.First, Versions.Current - Versions.First + 1)];
    }

    /// <summary>CTGAN's body versions (CTGAN, DP-CTGAN, TVAE share the codec): golden files from version 4, and today's.</summary>
    private static readonly (int, int) CtganVersions = (4, CtganFamily.Version);

    /// <summary>TabDDPM's body versions: golden files from version 2, and today's.</summary>
    private static readonly (int, int) TabDdpmVersions = (2, TabDdpmFamily.Version);

    private static readonly GoldenFamily[] Families =
    [
        Typed("ctgan", CtganVersions, (ml, file) => ml.Gan().Tabular.Ctgan(TinyCtgan()).Fit(file.Data).WithMetadata(GeneratingIdentifiers(file.Metadata)),
            model => [model.Sample(6, seed: 11), model.Sample(3, seed: 12, condition: ("plan", "gold"))]),
        Typed("ctgan-dp", CtganVersions, (ml, file) =>
        {
            var options = CtganOptions.DifferentiallyPrivate(5);
            Shrink(options);
            return ml.Gan().Tabular.Ctgan(options).Fit(file.Data);
        }, model => [model.Sample(6, seed: 11)]),
        // Conditioned by an input column, loaded with ML.NET's own loader and used as a transformer.
        new("ctgan-conditioned", CtganVersions,
            (ml, file) => ml.Gan().Tabular.Ctgan(TinyCtgan()).Fit(file.Data).ConditionedOn("plan", "Wanted"),
            (ml, path) => ml.Model.Load(path, out _),
            (ml, model) => [model.Transform(ml.Data.LoadFromEnumerable(new[] { "basic", "gold", "silver", "gold" }.Select(p => new WantedPlan { Wanted = p })))]),
        Typed("tvae", CtganVersions, (ml, file) => ml.Gan().Tabular.Tvae(new TvaeOptions
        {
            Epochs = 2, BatchSize = 50, LatentDimension = 4, EncoderLayers = [8], DecoderLayers = [8], Threads = 1, Seed = 3,
        }).Fit(file.Data).WithMetadata(GeneratingIdentifiers(file.Metadata)), model => [model.Sample(6, seed: 11)]),
        // TVAE conditioned on a categorical label (body version 5 on).
        Typed("tvae-label", (5, CtganFamily.Version), (ml, file) => ml.Gan().Tabular.Tvae(new TvaeOptions
        {
            Epochs = 2, BatchSize = 50, LatentDimension = 4, EncoderLayers = [8], DecoderLayers = [8], LabelColumn = "plan", Threads = 1, Seed = 3,
        }).Fit(file.Data).WithMetadata(GeneratingIdentifiers(file.Metadata)),
            model => [model.Sample(6, seed: 11), model.Sample(3, seed: 12, condition: ("plan", "silver"))]),
        Typed("tabddpm", TabDdpmVersions, (ml, file) => ml.Gan().Tabular.TabDdpm(new TabDdpmOptions
        {
            Steps = 20, BatchSize = 50, HiddenLayers = [16], TimeEmbeddingDimension = 8, Timesteps = 20, SamplingSteps = 5,
            LabelColumn = "plan", Threads = 1, Seed = 3,
        }).Fit(file.Data).WithMetadata(GeneratingIdentifiers(file.Metadata)),
            model => [model.Sample(6, seed: 11), model.Sample(3, seed: 12, condition: ("plan", "silver"))]),
        Typed("gaussiancopula", (1, GaussianCopulaFamily.Version), (ml, file) => ml.Gan().Tabular.GaussianCopula(new GaussianCopulaOptions
        {
            Threads = 1, Seed = 3,
        }).Fit(file.Data).WithMetadata(GeneratingIdentifiers(file.Metadata)),
            model => [model.Sample(6, seed: 11), model.Sample(3, seed: 12, condition: ("plan", "gold"))]),
    ];

    public static IEnumerable<object[]> FamilyNames => Families.Select(f => new object[] { f.Name });

    [TestMethod]
    [DynamicData(nameof(FamilyNames))]
    public void GoldenModelLoadsAndGivesItsRecordedRows(string name)
    {
        var family = Families.Single(f => f.Name == name);
        foreach (string path in GoldenModels.Committed(name, family.Committed))
        {
            var mlContext = new MLContext(seed: 1);
            var model = family.Load(mlContext, path);
            using (model as IDisposable)
                AssertMatches(path, Record(family.Output(mlContext, model)));
        }
    }

    /// <summary>Regenerates the golden files of today's body versions (only with MLGAN_WRITE_GOLDEN=1).</summary>
    [TestMethod]
    [TestCategory(GoldenModels.WriterCategory)]
    public void WriteGoldenModels()
    {
        GoldenModels.RequireWriting();
        string folder = GoldenModels.SourceFolder();
        using var files = new Data.Reading.TemporaryFiles();
        var file = TabularFileReader.Read(files.Write("orders.csv", OrdersCsv()));
        foreach (var family in Families)
        {
            var mlContext = new MLContext(seed: 1);
            string path = GoldenModels.ModelPath(folder, family.Name, family.Versions.Current);
            var model = family.Fit(mlContext, file);
            using (model as IDisposable)
            {
                mlContext.Model.Save(model, null, path);
                string output = Record(family.Output(mlContext, model));
                File.WriteAllText(Path.ChangeExtension(path, ".json"), output);
                var reloaded = new MLContext(seed: 1);
                var loaded = family.Load(reloaded, path);
                using (loaded as IDisposable)
                    Assert.AreEqual(output, Record(family.Output(reloaded, loaded)), $"{family.Name}: the saved model reproduces its rows");
            }
        }
    }

    private static GoldenFamily Typed(string name, (int, int) versions, Func<MLContext, TabularFile, CtganModel> fit, Func<CtganModel, IDataView[]> samples) => new(
        name, versions, (ml, file) => fit(ml, file), (ml, path) => CtganModel.Load(ml, path),
        (ml, model) => samples((CtganModel)model));

    private static CtganOptions TinyCtgan()
    {
        var options = new CtganOptions();
        Shrink(options);
        return options;
    }

    private static void Shrink(CtganOptions options)
    {
        options.Epochs = 2;
        options.BatchSize = 50;
        options.LatentDimension = 8;
        options.GeneratorLayers = [16];
        options.DiscriminatorLayers = [16];
        options.Threads = 1;
        options.Seed = 3;
    }

    private static TabularMetadata GeneratingIdentifiers(TabularMetadata metadata) => metadata with
    {
        Columns = [.. metadata.Columns.Select(c => c.Role == ColumnRole.Identifier ? c with { Generate = true } : c)],
    };

    /// <summary>200 orders: an identifier, a bimodal amount, a plan that decides the amount's mode, a score, a flag.</summary>
    private static string OrdersCsv()
    {
        var random = new Random(5);
        string[] plans = ["basic", "gold", "silver"];
        var text = new StringBuilder("order,amount,plan,score,paid\n");
        for (int i = 0; i < 200; i++)
        {
            int plan = random.Next(plans.Length);
            double amount = (plan == 1 ? 100 : 10) + random.NextDouble() * 5;
            text.Append(CultureInfo.InvariantCulture,
                $"ord{random.Next(100_000, 999_999)}-{i},{amount:F2},{plans[plan]},{random.NextDouble() * 2 - 1:F4},{(random.NextDouble() < 0.3 ? "true" : "false")}\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// Views of one schema as JSON: per column "name: type", then the views' rows one after another, each with its
    /// cells (numbers, text, Booleans; null for NaN).
    /// </summary>
    private static string Record(IDataView[] views)
    {
        string[]? names = null;
        var rows = new List<object?[]>();
        foreach (var view in views)
        {
            var columns = view.Schema.Where(c => !c.IsHidden).ToArray();
            string[] these = [.. columns.Select(c => $"{c.Name}: {c.Type}")];
            if (names is not null)
                CollectionAssert.AreEqual(names, these, "the recorded views have one schema");
            names = these;
            // Preview's rows carry every column, hidden ones too: look the visible ones up by index.
            foreach (var row in view.Preview(maxRows: 100).RowView)
                rows.Add([.. columns.Select(c => Cell(row.Values[c.Index].Value))]);
        }
        return JsonSerializer.Serialize(new RecordedRows(names!, [.. rows]), new JsonSerializerOptions { WriteIndented = true });
    }

    private static object? Cell(object value) => value switch
    {
        ReadOnlyMemory<char> text => text.ToString(),
        bool flag => flag,
        float f => float.IsNaN(f) ? null : (double)f,
        double d => double.IsNaN(d) ? null : d,
        IConvertible number => number.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"A golden cell of type {value.GetType().Name}."),
    };

    private static void AssertMatches(string modelPath, string actualJson)
    {
        string name = Path.GetFileName(modelPath);
        var expected = JsonSerializer.Deserialize<RecordedRows<JsonElement>>(File.ReadAllText(Path.ChangeExtension(modelPath, ".json")))!;
        var actual = JsonSerializer.Deserialize<RecordedRows<JsonElement>>(actualJson)!;
        CollectionAssert.AreEqual(expected.Columns, actual.Columns, $"{name}: the columns (names, types, order)");
        Assert.AreEqual(expected.Rows.Length, actual.Rows.Length, $"{name}: the row count");
        for (int r = 0; r < expected.Rows.Length; r++)
        {
            for (int c = 0; c < expected.Columns.Length; c++)
            {
                JsonElement want = expected.Rows[r][c], got = actual.Rows[r][c];
                string where = $"{name}: row {r}, column {expected.Columns[c]}";
                if (want.ValueKind == JsonValueKind.Number && got.ValueKind == JsonValueKind.Number)
                {
                    double w = want.GetDouble(), g = got.GetDouble();
                    Assert.AreEqual(w, g, RelativeTolerance * Math.Max(1, Math.Abs(w)), $"{where} differs from the recorded value");
                }
                else
                {
                    Assert.AreEqual(want.ToString(), got.ToString(), $"{where} differs from the recorded value");
                    Assert.AreEqual(want.ValueKind, got.ValueKind, $"{where}: the kind of value");
                }
            }
        }
    }

    private sealed record RecordedRows(string[] Columns, object?[][] Rows);

    private sealed record RecordedRows<T>(string[] Columns, T[][] Rows);

    private sealed class WantedPlan
    {
        public string Wanted { get; set; } = "";
    }
}
