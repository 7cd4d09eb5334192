using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Tests.Training;

/// <summary>AIP-134 updates with field masks and AIP-154 etags; the search indexes follow every update.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class CourseUpdateTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    [Fact]
    public async Task Update_changes_only_the_masked_fields_and_gives_a_new_etag()
    {
        var course = await setup.CourseAsync();

        var updated = (await training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = course.Name, Title = "Renamed", Summary = "not in the mask", Level = CourseLevel.Advanced, Etag = course.Etag },
            UpdateMask = new FieldMask { Paths = { "title", "level" } },
        })).Course;

        Assert.Equal(("Renamed", CourseLevel.Advanced, course.Summary), (updated.Title, updated.Level, updated.Summary));
        Assert.NotEqual(course.Etag, updated.Etag);
        Assert.Equal(updated, (await training.GetCourseAsync(new GetCourseRequest { Name = course.Name })).Course);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var course = await setup.CourseAsync();
        await training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = course.Name, DurationHours = 40, Etag = course.Etag },
            UpdateMask = new FieldMask { Paths = { "duration_hours" } },
        });

        var failure = await RichErrors.FailsWith(StatusCode.Aborted, () => training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = course.Name, DurationHours = 10, Etag = course.Etag },
            UpdateMask = new FieldMask { Paths = { "duration_hours" } },
        }).ResponseAsync);

        Assert.Equal("ETAG_MISMATCH", failure.ErrorInfo()?.Reason);
        Assert.Equal(40, (await training.GetCourseAsync(new GetCourseRequest { Name = course.Name })).Course.DurationHours);
    }

    [Fact]
    public async Task Parallel_updates_with_the_same_etag_let_exactly_one_win()
    {
        var course = await setup.CourseAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(async hours =>
        {
            try
            {
                await training.UpdateCourseAsync(new UpdateCourseRequest
                {
                    Course = new Course { Name = course.Name, DurationHours = hours, Etag = course.Etag },
                    UpdateMask = new FieldMask { Paths = { "duration_hours" } },
                });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Single(outcomes, status => status == StatusCode.OK);
        Assert.All(outcomes.Where(status => status != StatusCode.OK), status => Assert.Equal(StatusCode.Aborted, status));
    }

    [Theory]
    [InlineData(CourseStatus.Draft, CourseStatus.Published, true)]
    [InlineData(CourseStatus.Draft, CourseStatus.Retired, true)]
    [InlineData(CourseStatus.Published, CourseStatus.Retired, true)]
    [InlineData(CourseStatus.Published, CourseStatus.Draft, false)]
    [InlineData(CourseStatus.Retired, CourseStatus.Published, false)]
    public async Task Status_changes_follow_the_course_life_and_a_refusal_names_the_current_status(CourseStatus from, CourseStatus to, bool allowed)
    {
        var course = await setup.CourseAsync(c => c.Status = from == CourseStatus.Retired ? CourseStatus.Published : from);
        if (from == CourseStatus.Retired)
        {
            await SetStatusAsync(course.Name, CourseStatus.Retired);
        }

        if (allowed)
        {
            Assert.Equal(to, (await SetStatusAsync(course.Name, to)).Status);
        }
        else
        {
            var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => SetStatusAsync(course.Name, to));
            Assert.Equal(ProtoName(from), failure.ErrorInfo()?.Metadata["status"]);
        }
    }

    [Fact]
    public async Task Search_follows_an_update_of_theme_and_words()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var course = await setup.CourseAsync(c => c.Title = $"Course {word}");

        await training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = course.Name, Title = "Retitled", ThematicAreas = { ThematicArea.Legislation } },
            UpdateMask = new FieldMask { Paths = { "title", "thematic_areas" } },
        });

        Assert.Empty((await training.SearchCoursesAsync(new SearchCoursesRequest { Query = word })).Courses);
        var byTheme = await training.SearchCoursesAsync(new SearchCoursesRequest { Query = "retitled", ThematicAreas = { ThematicArea.Legislation } });
        Assert.Contains(course.Name, byTheme.Courses.Select(c => c.Name));
        var oldTheme = await training.SearchCoursesAsync(new SearchCoursesRequest { Query = "retitled", ThematicAreas = { ThematicArea.ElectronicEvidence } });
        Assert.DoesNotContain(course.Name, oldTheme.Courses.Select(c => c.Name));
    }

    [Fact]
    public async Task An_update_of_a_missing_course_is_not_found()
    {
        await RichErrors.FailsWith(StatusCode.NotFound, () => training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = "courses/0123456789abcdef0123456789abcdef", Title = "x" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }).ResponseAsync);
    }

    private async Task<Course> SetStatusAsync(string name, CourseStatus status) =>
        (await training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = name, Status = status },
            UpdateMask = new FieldMask { Paths = { "status" } },
        })).Course;

    private static string ProtoName(CourseStatus status) => status switch
    {
        CourseStatus.Draft => "COURSE_STATUS_DRAFT",
        CourseStatus.Published => "COURSE_STATUS_PUBLISHED",
        CourseStatus.Retired => "COURSE_STATUS_RETIRED",
        _ => "COURSE_STATUS_UNSPECIFIED",
    };
}
