using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DemoData.Converging;

namespace CapacityBuilding.Tests.Demo;

/// <summary>An earlier version's record is updated in exactly the fields this version sets to something else.</summary>
public sealed class DemoRecordsTests
{
    [Fact]
    public void Changed_fields_are_those_this_version_sets_differently_never_the_name_or_etag()
    {
        var earlier = new Course { Name = "courses/1", Etag = "e1", Title = "Same", Summary = "Earlier", Languages = { "en", "fr" }, DurationHours = 40 };
        var content = new Course { Title = "Same", Summary = "Now", Languages = { "en" } };

        Assert.Equal(["summary", "languages"], DemoRecords.ChangedFields(content, earlier).Paths);
        Assert.Empty(DemoRecords.ChangedFields(earlier.Clone(), earlier).Paths);
    }
}
