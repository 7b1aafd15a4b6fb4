using Microsoft.ML.Gan.Torch;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Torch;

[TestClass]
public sealed class TensorCopyTests
{
    [TestMethod]
    public void CopiesInRowMajorOrderEvenFromATransposedView()
    {
        using var matrix = arange(12, dtype: ScalarType.Float32).reshape(3, 4);
        using var transposed = matrix.t();
        var copied = new float[12];
        TensorCopy.CopyTo(transposed, copied);
        CollectionAssert.AreEqual(new float[] { 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11 }, copied);
    }

    [TestMethod]
    public void RejectsAnotherTypeOrLength()
    {
        using var doubles = zeros(3, dtype: ScalarType.Float64);
        Assert.ThrowsExactly<ArgumentException>(() => TensorCopy.CopyTo(doubles, new float[3]));
        using var floats = zeros(3);
        var error = Assert.ThrowsExactly<ArgumentException>(() => TensorCopy.CopyTo(floats, new float[4]));
        StringAssert.Contains(error.Message, "3 elements");
    }
}
