using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class DataTransformerErrorTests
{
    private static readonly TabularTable Table = TestTables.Mixed(500, seed: 2);
    private static readonly DataTransformer Transformer = DataTransformer.Fit(Table);

    [TestMethod]
    public void EmptyTableIsRejected()
    {
        var empty = new TabularTable([new ContinuousColumn("Price", NumberDataViewType.Double, [])]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => DataTransformer.Fit(empty));

        StringAssert.Contains(error.Message, "has no rows");
    }

    [TestMethod]
    public void AllMissingContinuousColumnIsNamedWithAWayOut()
    {
        var table = new TabularTable(
        [
            new ContinuousColumn("Price", NumberDataViewType.Double, [1, 2, 3]),
            new ContinuousColumn("Discount", NumberDataViewType.Single, [double.NaN, double.NaN, double.NaN]),
        ]);

        var error = Assert.ThrowsExactly<ArgumentException>(() => DataTransformer.Fit(table));

        StringAssert.Contains(error.Message, "'Discount'");
        StringAssert.Contains(error.Message, "IgnoreColumns");
    }

    [TestMethod]
    public void OutOfRangeOptionsNameTheOption()
    {
        Assert.AreEqual("MaxModes", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DataTransformer.Fit(Table, new DataTransformerOptions { MaxModes = 0 })).ParamName);
        Assert.AreEqual("WeightThreshold", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DataTransformer.Fit(Table, new DataTransformerOptions { WeightThreshold = 1 })).ParamName);
        Assert.AreEqual("WeightThreshold", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DataTransformer.Fit(Table, new DataTransformerOptions { WeightThreshold = -0.1 })).ParamName);
        Assert.AreEqual("MaxCategories", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DataTransformer.Fit(Table, new DataTransformerOptions { MaxCategories = 1 })).ParamName);
        Assert.AreEqual("MixtureMaxIterations", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DataTransformer.Fit(Table, new DataTransformerOptions { MixtureMaxIterations = 0 })).ParamName);
        Assert.AreEqual("WeightConcentrationPrior", Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => DataTransformer.Fit(Table, new DataTransformerOptions { WeightConcentrationPrior = 0 })).ParamName);
    }

    [TestMethod]
    public void UnknownCategoriesAndColumnsAreNamed()
    {
        var unknownColumn = Assert.ThrowsExactly<ArgumentException>(() => Transformer.FindCategory("Colour", "red"));
        StringAssert.Contains(unknownColumn.Message, "'Colour'");
        var unknownValue = Assert.ThrowsExactly<ArgumentException>(() => Transformer.FindCategory("Color", "purple"));
        StringAssert.Contains(unknownValue.Message, "'purple'");
        StringAssert.Contains(unknownValue.Message, "'Color'");
        var continuous = Assert.ThrowsExactly<ArgumentException>(() => Transformer.FindCategory("Bimodal", 1.0));
        StringAssert.Contains(continuous.Message, "continuous");
        var constant = Assert.ThrowsExactly<ArgumentException>(() => Transformer.GetCategoryFrequencies(0));
        StringAssert.Contains(constant.Message, "'Bimodal'");
    }

    [TestMethod]
    public void TransformRejectsTablesThatDoNotMatchTheFit()
    {
        var unseen = new TabularTable(
        [
            .. Table.Columns.Where(c => c.Name != "Color"),
            new DiscreteColumn("Color", TextDataViewType.Instance, Enumerable.Repeat(0, Table.RowCount).ToArray(), ["purple"]),
        ]);
        var unseenError = Assert.ThrowsExactly<ArgumentException>(() => Transformer.Transform(unseen));
        StringAssert.Contains(unseenError.Message, "'purple'");

        var missingColumn = new TabularTable(Table.Columns.Where(c => c.Name != "Age"));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Transformer.Transform(missingColumn)).Message, "'Age'");

        var retyped = new TabularTable(
        [
            .. Table.Columns.Where(c => c.Name != "Age"),
            new ContinuousColumn("Age", NumberDataViewType.Int64, new double[Table.RowCount]),
        ]);
        var typeError = Assert.ThrowsExactly<ArgumentException>(() => Transformer.Transform(retyped));
        StringAssert.Contains(typeError.Message, "'Age'");
        StringAssert.Contains(typeError.Message, "Int64");

        var nan = new TabularTable(
        [
            .. Table.Columns.Where(c => c.Name != "Bimodal"),
            new ContinuousColumn("Bimodal", NumberDataViewType.Double, Enumerable.Repeat(double.NaN, Table.RowCount).ToArray()),
        ]);
        var nanError = Assert.ThrowsExactly<ArgumentException>(() => Transformer.Transform(nan));
        StringAssert.Contains(nanError.Message, "'Bimodal'");
        StringAssert.Contains(nanError.Message, "NaN");
    }

    [TestMethod]
    public void InverseTransformChecksTheMatrixSize()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Transformer.InverseTransform(new float[Transformer.OutputDimension + 1], 1));

        StringAssert.Contains(error.Message, $"{Transformer.OutputDimension}");
    }
}
