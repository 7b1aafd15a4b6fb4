using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Tests.Persistence;

[TestClass]
public sealed class PayloadFormatTests
{
    private static readonly Guid Id = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    [TestMethod]
    public void RoundTripKeepsFamilyIdAndBody()
    {
        var payload = new GanPayload("Family.Ü", Id, new byte[] { 1, 2, 3, 0, 255 });
        var back = GanPayload.FromBytes(payload.ToBytes());
        Assert.AreEqual("Family.Ü", back.Family);
        Assert.AreEqual(Id, back.Id);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 0, 255 }, back.Body.ToArray());
        Assert.IsTrue(payload.ToBytes().AsSpan(0, 8).SequenceEqual("MLNETGAN"u8));
    }

    [TestMethod]
    public void ForeignBytesAreRejectedNamingTheMagic()
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => GanPayload.FromBytes("PK\u0003\u0004 a zip"u8));
        StringAssert.Contains(e.Message, "'MLNETGAN'");
        Assert.ThrowsExactly<InvalidDataException>(() => GanPayload.FromBytes([]));
    }

    [TestMethod]
    public void TruncatedOrExtendedBytesAreRejected()
    {
        byte[] bytes = new GanPayload("F", Id, new byte[100]).ToBytes();
        var truncated = Assert.ThrowsExactly<InvalidDataException>(() => GanPayload.FromBytes(bytes.AsSpan(0, bytes.Length - 1)));
        StringAssert.Contains(truncated.Message, "truncated or corrupt");
        Assert.ThrowsExactly<InvalidDataException>(() => GanPayload.FromBytes(bytes.AsSpan(0, 20)));
        Assert.ThrowsExactly<InvalidDataException>(() => GanPayload.FromBytes([.. bytes, 0]));
    }

    [TestMethod]
    public void NewerFormatVersionIsRejectedWithBothVersions()
    {
        byte[] bytes = new GanPayload("F", Id, new byte[3]).ToBytes();
        bytes[8] = 9;
        var e = Assert.ThrowsExactly<InvalidDataException>(() => GanPayload.FromBytes(bytes));
        StringAssert.Contains(e.Message, "format version 9");
        StringAssert.Contains(e.Message, "reads version 1");
    }

    [TestMethod]
    public void InvalidArgumentsAreRejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new GanPayload("F", Guid.Empty, []));
        Assert.ThrowsExactly<ArgumentException>(() => new GanPayload(" ", Id, []));
        Assert.ThrowsExactly<ArgumentException>(() => new GanPayload(new string('x', 300), Id, []));
    }

    [TestMethod]
    public void RegistryReportsUnknownFamilyAndWrapsDeserializerFailures()
    {
        var unknown = Assert.ThrowsExactly<InvalidOperationException>(
            () => GanPayloadRegistry.CreateGenerator(new GanPayload("Tests.Unknown.Family", Id, [])));
        StringAssert.Contains(unknown.Message, "'Tests.Unknown.Family'");

        GanPayloadRegistry.Register("Tests.Failing", _ => throw new EndOfStreamException("short"));
        var failing = Assert.ThrowsExactly<InvalidDataException>(
            () => GanPayloadRegistry.CreateGenerator(new GanPayload("Tests.Failing", Id, [])));
        StringAssert.Contains(failing.Message, "'Tests.Failing'");
        Assert.IsInstanceOfType<EndOfStreamException>(failing.InnerException);
    }
}
