using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Training;

/// <summary>AIP-158 paging: newest first, no item skipped or repeated, even while others create.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class CoursePagingTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);

    [Fact]
    public async Task Paging_with_concurrent_creates_sees_every_earlier_course_once_newest_first()
    {
        var earlier = new HashSet<string>();
        for (var i = 0; i < 12; i++)
        {
            earlier.Add((await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course($"Paging {i}") })).Course.Name);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 5, PageToken = token });
            Assert.InRange(page.Courses.Count, 0, 5);
            seen.AddRange(page.Courses.Select(course => course.Name));
            await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course("Created while paging") });
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), earlier);
        Assert.Equal(seen.OrderByDescending(name => name, StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("djEKZG9ub3JzCjAxMjM")]
    public async Task Foreign_or_garbled_page_token_is_invalid(string token)
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            training.ListCoursesAsync(new ListCoursesRequest { PageToken = token }).ResponseAsync);

        Assert.Equal(["page_token"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Negative_page_size_is_invalid()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            training.ListCoursesAsync(new ListCoursesRequest { PageSize = -1 }).ResponseAsync);

        Assert.Equal(["page_size"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Batch_get_names_the_missing_course()
    {
        var existing = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course() })).Course;
        const string missing = "courses/0123456789abcdef0123456789abcdef";

        var found = await training.BatchGetCoursesAsync(new BatchGetCoursesRequest { Names = { existing.Name } });
        var failure = await RichErrors.FailsWith(StatusCode.NotFound, () =>
            training.BatchGetCoursesAsync(new BatchGetCoursesRequest { Names = { existing.Name, missing } }).ResponseAsync);

        Assert.Equal([existing], found.Courses);
        Assert.Equal(missing, failure.GetRpcStatus()?.GetDetail<Google.Rpc.ResourceInfo>()?.ResourceName);
    }
}
