using System.Runtime;
using Microsoft.ML.Gan.Torch;

namespace Microsoft.ML.Gan.Tests.Torch;

/// <summary>A training step run by <see cref="CollectionFreeStep"/> sees no garbage collection; the collector is back afterwards.</summary>
[TestClass]
public sealed class CollectionFreeStepTests
{
    [TestMethod]
    public void NoCollectionHappensDuringTheStepAndTheRegionEndsAfterIt()
    {
        int collectionsBefore = 0, collectionsAfter = 0;
        GCLatencyMode modeInside = GCLatencyMode.Batch;
        CollectionFreeStep.Run(() =>
        {
            modeInside = GCSettings.LatencyMode;
            collectionsBefore = GC.CollectionCount(0);
            // About 20 MB of short-lived arrays (small and large): enough to trigger collections outside a region.
            long sum = 0;
            for (int i = 0; i < 200; i++)
                sum += new byte[i % 2 == 0 ? 1_000 : 200_000].Length;
            collectionsAfter = GC.CollectionCount(0);
            Assert.IsTrue(sum > 0);
        });
        Assert.AreEqual(GCLatencyMode.NoGCRegion, modeInside);
        Assert.AreEqual(collectionsBefore, collectionsAfter, "a collection ran inside the step");
        Assert.AreNotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [TestMethod]
    public void AStepInsideAnotherRunsUnprotectedAndBothEndCleanly()
    {
        bool innerRan = false;
        CollectionFreeStep.Run(() => CollectionFreeStep.Run(() => innerRan = true));
        Assert.IsTrue(innerRan);
        Assert.AreNotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [TestMethod]
    public void AStepThatThrowsStillEndsTheRegion()
    {
        Assert.ThrowsExactly<InvalidOperationException>(() => CollectionFreeStep.Run(() => throw new InvalidOperationException("step failed")));
        Assert.AreNotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [TestMethod]
    public void ANetworkCallReturnsItsOutputFromInsideTheRegion()
    {
        var (mode, value) = CollectionFreeStep.RunSamplingCall(() => (GCSettings.LatencyMode, 42));
        Assert.AreEqual(GCLatencyMode.NoGCRegion, mode);
        Assert.AreEqual(42, value);
        Assert.AreNotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [TestMethod]
    public void CallsOnSeveralThreadsAtOnceNeverEndAnotherThreadsRegionAndAllEndCleanly()
    {
        // Parallel sampling workers: one thread owns the process-wide region at a time; the others run inside it or
        // unprotected, and a region whose budget the others' garbage spends ends without an error.
        int calls = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            CollectionFreeStep.RunSamplingCall(() =>
            {
                long sum = 0;
                for (int k = 0; k < 20; k++)
                    sum += new byte[i % 3 == 0 ? 300_000 : 4_000].Length;
                Interlocked.Increment(ref calls);
                return sum;
            }));
        Assert.AreEqual(400, calls);
        Assert.AreNotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
