using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary>
/// A fitted Gaussian copula: a block of rows draws its standard normals (and, under a condition, one uniform per row)
/// from the block's own generator, so row p of seed s is the same in bulk sampling, in <c>Transform</c> and after
/// loading. Without a condition the scores are z = L ε; with a condition on a discrete column's value, that column's
/// score is drawn from the standard normal truncated to the value's interval and the other scores from their
/// conditional normal given it — exact conditional sampling from the fitted copula, no rejection. The quantile
/// transformer turns the scores and categories back into rows.
/// </summary>
internal sealed class GaussianCopulaGenerator : TabularGenerator
{
    private readonly LatentNormal _normal;

    /// <exception cref="InvalidDataException">The correlation matrix does not fit the variables or is not positive definite.</exception>
    public GaussianCopulaGenerator(DataTransformer transformer, CopulaVariables variables, double[] correlation)
        : base(transformer)
    {
        if (correlation.Length != variables.Count * variables.Count)
            throw new InvalidDataException($"The copula's correlation matrix has {correlation.Length} entries; {variables.Count} variables need {variables.Count * variables.Count}.");
        Variables = variables;
        Correlation = correlation;
        _normal = new LatentNormal(correlation, variables.Count);
    }

    public CopulaVariables Variables { get; }

    /// <summary>The correlation matrix of the variables' scores, row-major.</summary>
    public double[] Correlation { get; }

    public override string Family => GaussianCopulaFamily.Name;

    public override string ConditionedFamily => GaussianCopulaFamily.ConditionedName;

    public override byte[] Write() => GaussianCopulaFamily.Write(this);

    protected override Tensor Encoded(Generator[] generators, int rowsPerGenerator, ForcedCategory? condition)
    {
        using var scope = NewDisposeScope();
        var normals = Draw(generators, [rowsPerGenerator, Variables.Count], Distribution.Normal, ScalarType.Float64);
        if (condition is null)
            return Variables.Encode(_normal.Sample(normals), Transformer.OutputDimension, null).MoveToOuterDisposeScope();
        int start = Layout.Spans[condition.Column].Start;
        int variable = Variables.IndexOfSpan(start), slot = condition.EncodedPosition - start;
        var uniforms = Draw(generators, [rowsPerGenerator], Distribution.Uniform, ScalarType.Float64);
        var scores = _normal.SampleGiven(variable, Variables.ScoreWithin(variable, slot, uniforms), normals);
        return Variables.Encode(scores, Transformer.OutputDimension, (variable, slot)).MoveToOuterDisposeScope();
    }

    public override void Dispose() => _normal.Dispose();
}
