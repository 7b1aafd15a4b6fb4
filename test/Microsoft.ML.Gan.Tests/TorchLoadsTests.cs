using TorchSharp;

namespace Microsoft.ML.Gan.Tests;

[TestClass]
public sealed class TorchLoadsTests
{
    [TestMethod]
    public void NativeLibraryLoadsAndComputes()
    {
        using var a = torch.ones(2, 3);
        using var b = a.sum();
        Assert.AreEqual(6f, b.item<float>());
    }
}
