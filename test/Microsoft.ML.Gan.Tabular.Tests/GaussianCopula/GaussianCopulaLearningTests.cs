using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.GaussianCopula;

/// <summary>The copula reproduces what it models: marginals (continuous quantiles, category frequencies, missing shares) and the dependence between columns.</summary>
[TestClass]
public sealed class GaussianCopulaLearningTests
{
    [TestMethod]
    public void CorrelationOfABivariateNormalPairIsReproduced()
    {
        var synthetic = CopulaTestData.Model.SampleTable(20_000, seed: 5);
        double correlation = Correlation.Compute(Values(synthetic, "X"), Values(synthetic, "Y"), CorrelationMethod.Pearson)!.Value;
        Assert.AreEqual(0.8, correlation, 0.03, "Pearson ρ of the bivariate normal pair");
        Assert.AreEqual(5, Values(synthetic, "X").Average(), 0.1);
        Assert.AreEqual(10, StandardDeviation(Values(synthetic, "Y")), 0.5);
    }

    [TestMethod]
    public void RankCorrelationAndQuantilesOfAMonotoneNonNormalPairAreReproduced()
    {
        var real = CopulaTestData.Table(CopulaTestData.Rows, seed: 3);
        var synthetic = CopulaTestData.Model.SampleTable(20_000, seed: 6);
        double expected = Correlation.Compute(Values(real, "Wealth"), Values(real, "Risk"), CorrelationMethod.Spearman)!.Value;
        double actual = Correlation.Compute(Values(synthetic, "Wealth"), Values(synthetic, "Risk"), CorrelationMethod.Spearman)!.Value;
        Assert.IsLessThan(-0.5, expected, "the pair is strongly (negatively) dependent");
        Assert.AreEqual(expected, actual, 0.04, "Spearman ρ of exp(Z₁) and Z₂³");
        foreach (double p in new[] { 0.1, 0.5, 0.9 })
        {
            double want = Quantile(Values(real, "Wealth"), p), got = Quantile(Values(synthetic, "Wealth"), p);
            Assert.AreEqual(want, got, 0.08 * want, $"the log-normal Wealth's {p:P0} quantile");
        }
    }

    [TestMethod]
    public void AdultCategoryFrequenciesQuantilesAndPointMassAreReproduced()
    {
        var mlContext = new MLContext(seed: 1);
        var adult = mlContext.Data.TakeRows(AdultData.Load(mlContext), 5000);
        using var model = mlContext.Gan().Tabular.GaussianCopula(CopulaTestData.Options()).Fit(adult);
        var real = TabularTable.FromDataView(adult);
        var synthetic = model.SampleTable(5000, seed: 2);
        foreach (string column in AdultData.Discrete)
        {
            var want = Frequencies(real, column);
            var got = Frequencies(synthetic, column);
            foreach (var (value, share) in want)
                Assert.AreEqual(share, got.GetValueOrDefault(value), 0.03, $"{column} = '{value}'");
        }
        foreach (string column in new[] { "age", "fnlwgt", "education-num", "hours-per-week" })
        {
            var want = Values(real, column);
            double spread = Quantile(want, 0.95) - Quantile(want, 0.05);
            foreach (double p in new[] { 0.1, 0.5, 0.9 })
                Assert.AreEqual(Quantile(want, p), Quantile(Values(synthetic, column), p), 0.05 * spread, $"{column}'s {p:P0} quantile");
        }
        Assert.AreEqual(ZeroShare(Values(real, "capital-gain")), ZeroShare(Values(synthetic, "capital-gain")), 0.02, "capital-gain's zeros");
    }

    [TestMethod]
    public void MissingValuesKeepTheirShare()
    {
        var synthetic = CopulaTestData.Model.SampleTable(10_000, seed: 7);
        var score = Values(synthetic, "Score");
        Assert.AreEqual(0.2, score.Count(double.IsNaN) / (double)score.Length, 0.02, "the share of missing Score values");
        double correlation = Correlation.Compute(Values(synthetic, "Wealth"), score, CorrelationMethod.Spearman)!.Value;
        Assert.IsGreaterThan(0.25, correlation, "present Scores still follow Wealth");
    }

    [TestMethod]
    public void TheSameSeedGivesTheSameModelAndRows()
    {
        var mlContext = new MLContext(seed: 1);
        var data = CopulaTestData.Create(mlContext, 800, seed: 4);
        using var first = mlContext.Gan().Tabular.GaussianCopula(CopulaTestData.Options()).Fit(data);
        using var second = mlContext.Gan().Tabular.GaussianCopula(CopulaTestData.Options()).Fit(data);
        CollectionAssert.AreEqual(Values(first.SampleTable(300, seed: 1), "Spend"), Values(second.SampleTable(300, seed: 1), "Spend"));
        CollectionAssert.AreEqual(Codes(first.SampleTable(300, seed: 1), "Plan"), Codes(second.SampleTable(300, seed: 1), "Plan"));
        CollectionAssert.AreNotEqual(Values(first.SampleTable(300, seed: 1), "Spend"), Values(first.SampleTable(300, seed: 2), "Spend"));
    }

    internal static double[] Values(TabularTable table, string column) => ((ContinuousColumn)table[column]).Values.ToArray();

    internal static int[] Codes(TabularTable table, string column) => ((DiscreteColumn)table[column]).Codes.ToArray();

    internal static Dictionary<string, double> Frequencies(TabularTable table, string column)
    {
        var discrete = (DiscreteColumn)table[column];
        return discrete.Codes.ToArray().GroupBy(c => discrete.Categories[c].ToString()!)
            .ToDictionary(g => g.Key, g => g.Count() / (double)table.RowCount);
    }

    internal static double Quantile(double[] values, double p)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted[(int)Math.Round(p * (sorted.Length - 1))];
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    private static double ZeroShare(double[] values) => values.Count(v => v == 0) / (double)values.Length;
}
