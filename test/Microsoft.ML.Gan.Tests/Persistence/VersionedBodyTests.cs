using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Tests.Persistence;

[TestClass]
public sealed class VersionedBodyTests
{
    private static int ReadOne(byte[] body, out ushort version)
    {
        ushort seen = 0;
        int value = VersionedBody.Read(body, "Test.Family", 2, (reader, v) =>
        {
            seen = v;
            return reader.ReadInt32();
        });
        version = seen;
        return value;
    }

    [TestMethod]
    public void VersionedAndRawBodiesReadWithTheirVersion()
    {
        Assert.AreEqual(42, ReadOne(VersionedBody.Write(2, w => w.Write(42)), out ushort version));
        Assert.AreEqual(2, version);
        Assert.AreEqual(7, ReadOne(BitConverter.GetBytes(7), out version), "a body without header is the raw layout");
        Assert.AreEqual(VersionedBody.Unversioned, version);
    }

    [TestMethod]
    public void NewerVersionAndTrailingBytesFailClearly()
    {
        var newer = Assert.ThrowsExactly<InvalidDataException>(() => ReadOne(VersionedBody.Write(3, w => w.Write(1)), out _));
        StringAssert.Contains(newer.Message, "'Test.Family' generator has body format version 3");
        StringAssert.Contains(newer.Message, "versions 1 to 2");

        var trailing = Assert.ThrowsExactly<InvalidDataException>(() => ReadOne(VersionedBody.Write(2, w => { w.Write(1); w.Write((byte)0); }), out _));
        StringAssert.Contains(trailing.Message, "1 unexpected bytes");
    }
}
