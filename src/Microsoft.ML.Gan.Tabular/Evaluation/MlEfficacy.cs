using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>Train-synthetic-test-real beside train-real-test-real with a tree trainer and a linear trainer.</summary>
internal static class MlEfficacy
{
    private const string Label = "Label";
    private const string Features = "Features";

    public static MlEfficacyResult Evaluate(AlignedTable training, AlignedTable holdout, AlignedTable synthetic, TabularEvaluationOptions options)
    {
        var schema = training.Schema;
        string label = options.LabelColumn!;
        int column = schema.IndexOf(label);
        if (column < 0)
            throw new ArgumentException(
                $"{nameof(TabularEvaluationOptions.LabelColumn)} names column '{label}', which is not among the evaluated columns: {string.Join(", ", schema.Names)}.",
                nameof(options));
        var task = ResolveTask(training, column, options.Task);
        var featurizer = new EfficacyFeaturizer(training, column, holdout, synthetic);
        var ml = new MLContext(options.Seed);
        return task switch
        {
            MlEfficacyTask.BinaryClassification => Binary(ml, featurizer, training, holdout, synthetic, column, options),
            MlEfficacyTask.MulticlassClassification => Multiclass(ml, featurizer, training, holdout, synthetic, column, options),
            _ => Regression(ml, featurizer, training, holdout, synthetic, column, options),
        };
    }

    private static MlEfficacyTask ResolveTask(AlignedTable training, int column, MlEfficacyTask requested)
    {
        string name = training.Schema.Names[column];
        if (!training.Schema.IsDiscrete(column))
        {
            if (requested is MlEfficacyTask.Auto or MlEfficacyTask.Regression)
                return MlEfficacyTask.Regression;
            throw new ArgumentException($"Label column '{name}' is continuous; {requested} needs a categorical label. Name it in DiscreteColumns, or use Regression.", nameof(requested));
        }
        int classes = training.CategoryCounts(column).Count(n => n > 0);
        if (requested == MlEfficacyTask.Regression)
            throw new ArgumentException($"Label column '{name}' is categorical; regression needs a continuous label.", nameof(requested));
        if (classes < 2)
            throw new ArgumentException($"Label column '{name}' has {classes} category in the real training rows; classification needs at least two.", nameof(requested));
        if (requested == MlEfficacyTask.BinaryClassification && classes != 2)
            throw new ArgumentException($"Label column '{name}' has {classes} categories in the real training rows; binary classification needs exactly two. Use MulticlassClassification.", nameof(requested));
        return requested == MlEfficacyTask.Auto ? (classes == 2 ? MlEfficacyTask.BinaryClassification : MlEfficacyTask.MulticlassClassification) : requested;
    }

    private static MlEfficacyResult Binary(MLContext ml, EfficacyFeaturizer featurizer, AlignedTable training, AlignedTable holdout, AlignedTable synthetic, int column, TabularEvaluationOptions options)
    {
        var labels = training.Schema.Categories[column]!;
        int[] counts = training.CategoryCounts(column);
        int[] present = [.. Enumerable.Range(0, counts.Length).Where(k => counts[k] > 0)];
        int positive;
        if (options.PositiveClass is { } wanted)
        {
            positive = Array.FindIndex(present, k => labels[k] == wanted) is int at and >= 0 ? present[at] : -1;
            if (positive < 0)
                throw new ArgumentException(
                    $"{nameof(TabularEvaluationOptions.PositiveClass)} '{wanted}' is not a category of label column '{training.Schema.Names[column]}': {string.Join(", ", present.Select(k => labels[k]))}.",
                    nameof(options));
        }
        else
        {
            positive = counts[present[0]] <= counts[present[1]] ? present[0] : present[1];
        }
        var classes = present.ToHashSet();
        IDataView Load(AlignedTable table, out int rows)
        {
            var items = Rows<bool>(featurizer, table, column, code => classes.Contains(code) ? code == positive : null, out rows);
            return ml.Data.LoadFromEnumerable(items, featurizer.Schema<bool>(BooleanDataViewType.Instance));
        }
        var (train, synth, test) = (Load(training, out int trainRows), Load(synthetic, out int synthRows), Load(holdout, out int testRows));
        var trainers = new (string, Func<MLContext, IEstimator<ITransformer>>)[]
        {
            ("FastTreeBinary", c => c.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                { LabelColumnName = Label, FeatureColumnName = Features, NumberOfTrees = options.NumberOfTrees, Seed = options.Seed })),
            ("LbfgsLogisticRegression", c => c.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                { LabelColumnName = Label, FeatureColumnName = Features })),
        };
        EfficacyMetrics Score(IDataView predictions)
        {
            var m = ml.BinaryClassification.Evaluate(predictions, Label);
            return new EfficacyMetrics { Accuracy = m.Accuracy, F1Score = m.F1Score, AreaUnderRocCurve = m.AreaUnderRocCurve, MacroF1 = MacroF1(m.ConfusionMatrix) };
        }
        return Result(options, MlEfficacyTask.BinaryClassification, labels[positive], trainRows, synthRows, testRows, Compare(trainers, options.Seed, train, synth, test, Score));
    }

    private static MlEfficacyResult Multiclass(MLContext ml, EfficacyFeaturizer featurizer, AlignedTable training, AlignedTable holdout, AlignedTable synthetic, int column, TabularEvaluationOptions options)
    {
        int[] counts = training.CategoryCounts(column);
        int[] present = [.. Enumerable.Range(0, counts.Length).Where(k => counts[k] > 0)];
        var keyOf = new Dictionary<int, uint>();
        // LoadFromEnumerable reads a key-typed uint field as 0-based (it stores value + 1; an out-of-range value
        // becomes the missing key 0, which the evaluator skips): the k-th present class is field value k.
        for (int i = 0; i < present.Length; i++) keyOf[present[i]] = (uint)i;
        var keyType = new KeyDataViewType(typeof(uint), present.Length);
        IDataView Load(AlignedTable table, out int rows)
        {
            var items = Rows<uint>(featurizer, table, column, code => keyOf.TryGetValue(code, out uint key) ? key : (uint?)null, out rows);
            return ml.Data.LoadFromEnumerable(items, featurizer.Schema<uint>(keyType));
        }
        var (train, synth, test) = (Load(training, out int trainRows), Load(synthetic, out int synthRows), Load(holdout, out int testRows));
        var trainers = new (string, Func<MLContext, IEstimator<ITransformer>>)[]
        {
            ("OneVersusAll(FastTreeBinary)", c => c.MulticlassClassification.Trainers.OneVersusAll(
                c.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                    { LabelColumnName = Label, FeatureColumnName = Features, NumberOfTrees = options.NumberOfTrees, Seed = options.Seed }),
                labelColumnName: Label)),
            ("LbfgsMaximumEntropy", c => c.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                { LabelColumnName = Label, FeatureColumnName = Features })),
        };
        EfficacyMetrics Score(IDataView predictions)
        {
            var m = ml.MulticlassClassification.Evaluate(predictions, Label);
            return new EfficacyMetrics { MacroAccuracy = m.MacroAccuracy, MicroAccuracy = m.MicroAccuracy, MacroF1 = MacroF1(m.ConfusionMatrix) };
        }
        return Result(options, MlEfficacyTask.MulticlassClassification, null, trainRows, synthRows, testRows, Compare(trainers, options.Seed, train, synth, test, Score));
    }

    private static MlEfficacyResult Regression(MLContext ml, EfficacyFeaturizer featurizer, AlignedTable training, AlignedTable holdout, AlignedTable synthetic, int column, TabularEvaluationOptions options)
    {
        IDataView Load(AlignedTable table, out int rows)
        {
            double[] values = table.Values(column);
            var items = new List<EfficacyRow<float>>(table.RowCount);
            for (int r = 0; r < table.RowCount; r++)
            {
                if (!double.IsNaN(values[r]))
                    items.Add(new EfficacyRow<float> { Features = featurizer.Features(table, r), Label = (float)values[r] });
            }
            rows = items.Count;
            return ml.Data.LoadFromEnumerable(items, featurizer.Schema<float>(NumberDataViewType.Single));
        }
        var (train, synth, test) = (Load(training, out int trainRows), Load(synthetic, out int synthRows), Load(holdout, out int testRows));
        var trainers = new (string, Func<MLContext, IEstimator<ITransformer>>)[]
        {
            ("FastTreeRegression", c => c.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
                { LabelColumnName = Label, FeatureColumnName = Features, NumberOfTrees = options.NumberOfTrees, Seed = options.Seed })),
            ("SdcaRegression", c => c.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
                { LabelColumnName = Label, FeatureColumnName = Features, NumberOfThreads = 1 })),
        };
        EfficacyMetrics Score(IDataView predictions)
        {
            var m = ml.Regression.Evaluate(predictions, Label);
            return new EfficacyMetrics { RSquared = m.RSquared, RootMeanSquaredError = m.RootMeanSquaredError, MeanAbsoluteError = m.MeanAbsoluteError };
        }
        return Result(options, MlEfficacyTask.Regression, null, trainRows, synthRows, testRows, Compare(trainers, options.Seed, train, synth, test, Score));
    }

    /// <summary>Mean per-class F1 (2·TP / (2·TP + FP + FN)) over the classes that occur in the test rows or the predictions.</summary>
    private static double MacroF1(ConfusionMatrix confusion)
    {
        var counts = confusion.Counts;
        var scores = new List<double>();
        for (int k = 0; k < counts.Count; k++)
        {
            double truePositives = counts[k][k];
            double actual = counts[k].Sum(), predicted = counts.Sum(row => row[k]);
            if (actual + predicted > 0)
                scores.Add(2 * truePositives / (actual + predicted));
        }
        return scores.Count == 0 ? double.NaN : scores.Average();
    }

    /// <summary>Rows whose label maps to a value; the others (missing, or a class absent from the real training rows) are dropped.</summary>
    private static List<EfficacyRow<TLabel>> Rows<TLabel>(EfficacyFeaturizer featurizer, AlignedTable table, int column, Func<int, TLabel?> label, out int rows)
        where TLabel : struct
    {
        int[] codes = table.Codes(column);
        var items = new List<EfficacyRow<TLabel>>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            if (label(codes[r]) is { } value)
                items.Add(new EfficacyRow<TLabel> { Features = featurizer.Features(table, r), Label = value });
        }
        rows = items.Count;
        return items;
    }

    private static List<TrainerEfficacy> Compare(
        (string Name, Func<MLContext, IEstimator<ITransformer>> Create)[] trainers, int seed, IDataView real, IDataView synthetic, IDataView test,
        Func<IDataView, EfficacyMetrics> score) =>
        [.. trainers.Select(t => new TrainerEfficacy
        {
            Trainer = t.Name,
            TrainRealTestReal = TrainAndTest(t.Create, seed, real, test, score),
            TrainSyntheticTestReal = TrainAndTest(t.Create, seed, synthetic, test, score),
        })];

    /// <summary>Trains with a fresh context of the given seed, so that both runs of a trainer start from the same random state.</summary>
    private static EfficacyMetrics TrainAndTest(Func<MLContext, IEstimator<ITransformer>> create, int seed, IDataView train, IDataView test, Func<IDataView, EfficacyMetrics> score)
    {
        try
        {
            var model = create(new MLContext(seed)).Fit(train);
            return score(model.Transform(test));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A model that cannot be trained (for example, synthetic rows holding a single class) is a finding of
            // the report, not a failure of it.
            return new EfficacyMetrics { Error = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    private static MlEfficacyResult Result(TabularEvaluationOptions options, MlEfficacyTask task, string? positive, int trainRows, int synthRows, int testRows, List<TrainerEfficacy> trainers) => new()
    {
        LabelColumn = options.LabelColumn!,
        Task = task,
        PositiveClass = positive,
        RealTrainingRows = trainRows,
        SyntheticTrainingRows = synthRows,
        TestRows = testRows,
        Trainers = trainers,
    };
}
