using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Tests.Validation;

/// <summary>
/// AIP-163 on the creates a spreadsheet import checks first: <c>validate_only</c> stores nothing
/// (not the resource, not its request id) and refuses exactly what the create would refuse, with
/// the same field violations, so a dry run's report is the real run's.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ValidateOnlyCreateTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Gateway);
    private readonly FundingService.FundingServiceClient funding = new(suite.Gateway);
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);

    [Fact]
    public async Task A_checked_assistance_request_is_not_stored_and_its_request_id_stays_free()
    {
        var title = SampleData.UniqueTitle("checked only");
        var requestId = Guid.NewGuid().ToString();
        var checkedOnly = await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(title), RequestId = requestId, ValidateOnly = true,
        });

        Assert.Null(checkedOnly.AssistanceRequest);
        Assert.Empty(await AssistanceRequestsTitledAsync(title));
        var created = await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(title), RequestId = requestId });
        Assert.Equal(created.AssistanceRequest.Name, Assert.Single(await AssistanceRequestsTitledAsync(title)).Name);
    }

    [Fact]
    public async Task A_checked_donor_and_course_are_not_stored()
    {
        var donorName = SampleData.UniqueTitle("checked donor");
        var courseTitle = SampleData.UniqueTitle("checked course");

        await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(donorName), RequestId = "d1", ValidateOnly = true });
        await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(courseTitle), RequestId = "c1", ValidateOnly = true });

        Assert.DoesNotContain(await AllAsync(async token =>
        {
            var page = await funding.ListDonorsAsync(new ListDonorsRequest { PageSize = 500, PageToken = token });
            return (page.Donors.Select(donor => donor.DisplayName), page.NextPageToken);
        }), name => name == donorName);
        Assert.DoesNotContain(await AllAsync(async token =>
        {
            var page = await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 500, PageToken = token });
            return (page.Courses.Select(course => course.Title), page.NextPageToken);
        }), title => title == courseTitle);
    }

    [Fact]
    public async Task A_checked_pledge_and_session_are_not_stored()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(SampleData.UniqueTitle("pledging")) })).Donor;
        var course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("scheduled")) })).Course;

        await funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(), RequestId = "p1", ValidateOnly = true });
        await training.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, Session = SampleData.Session(DateTimeOffset.UtcNow.AddDays(30)), RequestId = "s1", ValidateOnly = true });

        Assert.Empty((await funding.ListPledgesAsync(new ListPledgesRequest { Parent = donor.Name })).Pledges);
        Assert.Empty((await training.ListSessionsAsync(new ListSessionsRequest { Parent = course.Name })).Sessions);
    }

    public static TheoryData<string> Creates => ["assistance request", "donor", "pledge", "course", "session"];

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task A_check_refuses_with_the_same_violations_as_the_create(string create)
    {
        var send = await InvalidCreateAsync(create);

        var checkedOnly = await Assert.ThrowsAsync<RpcException>(() => send(true));
        var created = await Assert.ThrowsAsync<RpcException>(() => send(false));

        Assert.Equal(StatusCode.InvalidArgument, checkedOnly.StatusCode);
        Assert.Equal(created.StatusCode, checkedOnly.StatusCode);
        Assert.NotEmpty(checkedOnly.ViolatedFields());
        Assert.Equal(Violations(created), Violations(checkedOnly));
    }

    [Fact]
    public async Task A_check_refuses_a_session_of_a_retired_course_as_the_create_does()
    {
        var course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("retiring")) })).Course;
        course.Status = CourseStatus.Retired;
        await training.UpdateCourseAsync(new UpdateCourseRequest { Course = course, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "status" } } });
        CreateSessionRequest Request(bool validateOnly) => new() { Parent = course.Name, Session = SampleData.Session(DateTimeOffset.UtcNow.AddDays(30)), ValidateOnly = validateOnly };

        var checkedOnly = await Assert.ThrowsAsync<RpcException>(() => training.CreateSessionAsync(Request(true)).ResponseAsync);
        var created = await Assert.ThrowsAsync<RpcException>(() => training.CreateSessionAsync(Request(false)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, checkedOnly.StatusCode);
        Assert.Equal(created.ErrorInfo()?.Reason, checkedOnly.ErrorInfo()?.Reason);
        Assert.Equal(created.Status.Detail, checkedOnly.Status.Detail);
    }

    /// <summary>A create broken both in its annotated rules and in the service's own (stateful) rules.</summary>
    private async Task<Func<bool, Task>> InvalidCreateAsync(string create)
    {
        switch (create)
        {
            case "assistance request":
                var request = SampleData.Request("", "courses/does-not-exist");
                request.RequestingState = "XXX";
                return async validateOnly => await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = request, ValidateOnly = validateOnly });
            case "donor":
                var donor = SampleData.Donor("", iatiIdentifier: "not an identifier");
                donor.Country = "XXX";
                return async validateOnly => await funding.CreateDonorAsync(new CreateDonorRequest { Donor = donor, ValidateOnly = validateOnly });
            case "pledge":
                var parent = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(SampleData.UniqueTitle("bad pledge")) })).Donor.Name;
                var pledge = SampleData.Pledge(-5, "XXX");
                (pledge.ValidFrom, pledge.ValidUntil) = (pledge.ValidUntil, pledge.ValidFrom);
                return async validateOnly => await funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = parent, Pledge = pledge, ValidateOnly = validateOnly });
            case "course":
                var course = SampleData.Course("");
                course.DurationHours = 0;
                course.Languages.Add("xx");
                return async validateOnly => await training.CreateCourseAsync(new CreateCourseRequest { Course = course, ValidateOnly = validateOnly });
            default:
                var courseName = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("bad session")) })).Course.Name;
                var start = DateTimeOffset.UtcNow.AddDays(30);
                var session = SampleData.Session(start, seats: 500, language: "ru");
                session.EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start.AddDays(-1));
                return async validateOnly => await training.CreateSessionAsync(new CreateSessionRequest { Parent = courseName, Session = session, ValidateOnly = validateOnly });
        }
    }

    private static List<(string Field, string Description)> Violations(RpcException refused) =>
        refused.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(violation => (violation.Field, violation.Description)).ToList() ?? [];

    private Task<List<AssistanceRequest>> AssistanceRequestsTitledAsync(string title) => AllAsync(async token =>
    {
        var page = await assistance.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 500, PageToken = token });
        return (page.AssistanceRequests.Where(request => request.Title == title), page.NextPageToken);
    });

    private static async Task<List<T>> AllAsync<T>(Func<string, Task<(IEnumerable<T> Items, string Next)>> page)
    {
        var all = new List<T>();
        var token = "";
        do
        {
            (var items, token) = await page(token);
            all.AddRange(items);
        }
        while (token.Length > 0);
        return all;
    }
}
