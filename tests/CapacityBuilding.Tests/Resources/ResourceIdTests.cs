using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Tests.Resources;

/// <summary>Ids sort by creation order within a process, even many in one millisecond.</summary>
public sealed class ResourceIdTests
{
    [Fact]
    public void Ids_made_back_to_back_are_strictly_increasing_uuid_v7()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => ResourceIds.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(string.CompareOrdinal(ids[i - 1], ids[i]) < 0, $"{ids[i - 1]} is not before {ids[i]}");
        }

        Assert.All(ids, id =>
        {
            Assert.True(ResourceIds.IsWellFormed(id));
            Assert.Equal(7, Guid.ParseExact(id, "N").Version);
        });
    }

    [Fact]
    public void Ids_from_parallel_threads_are_unique()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 20_000, _ => ids.Add(ResourceIds.New()));

        Assert.Equal(20_000, ids.Distinct().Count());
    }
}
