namespace Microsoft.ML.Gan.Tabular.Tests;

/// <summary>Every tabular family reads its body's format version with one check: known versions pass, others are refused by name.</summary>
[TestClass]
public sealed class TabularPayloadVersionTests
{
    [TestMethod]
    public void KnownVersionsAreReturnedAndOthersRefusedWithTheModelsName()
    {
        Assert.AreEqual(3, TabularPayloadVersion.Read(Body(3), "CTGAN", newest: 4));
        Assert.AreEqual("The CTGAN model has format version 5; this library reads versions 1 to 4.",
            Assert.ThrowsExactly<InvalidDataException>(() => TabularPayloadVersion.Read(Body(5), "CTGAN", newest: 4)).Message);
        Assert.AreEqual("The TabDDPM model has format version 0; this library reads versions 1 to 2.",
            Assert.ThrowsExactly<InvalidDataException>(() => TabularPayloadVersion.Read(Body(0), "TabDDPM", newest: 2)).Message);
        Assert.AreEqual("The Gaussian copula model has format version 2; this library reads version 1.",
            Assert.ThrowsExactly<InvalidDataException>(() => TabularPayloadVersion.Read(Body(2), "Gaussian copula", newest: 1)).Message);
    }

    private static BinaryReader Body(int version) => new(new MemoryStream(BitConverter.GetBytes(version)));
}
