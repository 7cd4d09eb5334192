using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Google.Type;
using Grpc.Core;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// Property-based tests over every request message the services have: whatever the values,
/// the answer is a success or a client error (never INTERNAL or UNKNOWN), a refused create writes
/// nothing, and a valid create reads back exactly as it was stored. Calls go straight to each
/// service (the gateway's per-caller rate limit would refuse a fuzzing burst, and is not what is
/// tested here).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestMessageFuzzTests(SuiteFixture suite) : IAsyncLifetime
{
    private static readonly StatusCode[] ClientErrors = [StatusCode.InvalidArgument, StatusCode.NotFound];

    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Channel(suite.AssistanceAddress));
    private readonly TrainingService.TrainingServiceClient training = new(suite.Channel(suite.TrainingAddress));
    private readonly FundingService.FundingServiceClient funding = new(suite.Channel(suite.FundingAddress));
    private ConnectionMultiplexer redis = null!;

    public async Task InitializeAsync() => redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task Assistance_requests_of_any_shape_never_fail_internally_nor_write_partially()
    {
        var course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("fuzz")) })).Course;
        var requests =
            from state in FuzzValues.Country
            from title in FuzzValues.Text
            from description in FuzzValues.Text
            from areas in FuzzValues.ThematicAreas
            from courses in Gen.OneOf(FuzzValues.NameIn("courses"), Gen.Constant(course.Name)).ArrayOf()
            from requestId in FuzzValues.RequestId
            from omitted in Gen.Elements(false, false, false, true)
            select new CreateAssistanceRequestRequest
            {
                AssistanceRequest = omitted ? null : new AssistanceRequest
                {
                    RequestingState = state, Title = title, Description = description, ThematicAreas = { areas }, Courses = { courses },
                },
                RequestId = requestId,
            };

        await CheckCreatesAsync(requests, async request =>
        {
            var created = (await assistance.CreateAssistanceRequestAsync(request)).AssistanceRequest;
            Assert.Equal(created, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = created.Name })).AssistanceRequest);
        });
        await CheckAsync(FuzzValues.NameIn("requests").Select(name => new GetAssistanceRequestRequest { Name = name }),
            request => assistance.GetAssistanceRequestAsync(request).ResponseAsync);
        await CheckAsync(
            from size in FuzzValues.PageSize from token in FuzzValues.PageToken select new ListAssistanceRequestsRequest { PageSize = size, PageToken = token },
            request => assistance.ListAssistanceRequestsAsync(request).ResponseAsync);
        Assert.Empty(await AssistanceKeyspaceAudit.PartialWritesAsync(suite.Redis.ConnectionString));
    }

    [Fact]
    public async Task Valid_assistance_requests_round_trip()
    {
        var requests =
            from state in Gen.Elements("GHA", "VNM", "PRY", "KEN")
            from title in FuzzValues.ValidTitle
            from description in Gen.OneOf(Gen.Constant(""), FuzzValues.ValidTitle)
            from areas in FuzzValues.DefinedThematicAreas
            select new AssistanceRequest { RequestingState = state, Title = title, Description = description, ThematicAreas = { areas } };

        foreach (var input in FuzzValues.Sample(requests, 30))
        {
            var created = (await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = input })).AssistanceRequest;
            var read = (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = created.Name })).AssistanceRequest;

            Assert.Equal(created, read);
            Assert.Equal((input.RequestingState, input.Title, input.Description), (read.RequestingState, read.Title, read.Description));
            Assert.Equal(input.ThematicAreas, read.ThematicAreas);
            Assert.Equal(AssistanceRequest.Types.State.Draft, read.State);
        }
    }

    [Fact]
    public async Task Courses_of_any_shape_never_fail_internally_nor_write_partially()
    {
        var courses =
            from title in FuzzValues.Text
            from summary in FuzzValues.Text
            from areas in FuzzValues.ThematicAreas
            from languages in FuzzValues.Language.ArrayOf()
            from requestId in FuzzValues.RequestId
            select new CreateCourseRequest
            {
                Course = new Course { Title = title, Summary = summary, ThematicAreas = { areas }, Languages = { languages } },
                RequestId = requestId,
            };

        await CheckCreatesAsync(courses, async request =>
        {
            var created = (await training.CreateCourseAsync(request)).Course;
            Assert.Equal(created, (await training.GetCourseAsync(new GetCourseRequest { Name = created.Name })).Course);
        });
        await CheckAsync(FuzzValues.NameIn("courses").Select(name => new GetCourseRequest { Name = name }),
            request => training.GetCourseAsync(request).ResponseAsync);
        await CheckAsync(FuzzValues.NameIn("courses").ArrayOf().Select(names => new BatchGetCoursesRequest { Names = { names } }),
            request => training.BatchGetCoursesAsync(request).ResponseAsync);
        await CheckAsync(
            from size in FuzzValues.PageSize from token in FuzzValues.PageToken select new ListCoursesRequest { PageSize = size, PageToken = token },
            request => training.ListCoursesAsync(request).ResponseAsync);
        await CheckAsync(
            from areas in FuzzValues.ThematicAreas
            from languages in FuzzValues.Language.ArrayOf()
            from maxResults in FuzzValues.PageSize
            from year in Gen.Choose(-1, 10_000)
            from month in Gen.Choose(-1, 13)
            from day in Gen.Choose(-1, 32)
            select new MatchCoursesRequest
            {
                ThematicAreas = { areas }, Languages = { languages }, MaxResults = maxResults,
                EarliestStart = new Date { Year = year, Month = month, Day = day },
            },
            request => training.MatchCoursesAsync(request).ResponseAsync,
            StatusCode.Unimplemented);
    }

    [Fact]
    public async Task Donors_and_pledges_of_any_shape_never_fail_internally_nor_write_partially()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(SampleData.UniqueTitle("fuzz")) })).Donor;
        var donors =
            from displayName in FuzzValues.Text
            from kind in Gen.Choose(-2, 8).Select(value => (Donor.Types.Kind)value)
            from country in FuzzValues.Country
            from requestId in FuzzValues.RequestId
            select new CreateDonorRequest { Donor = new Donor { DisplayName = displayName, Kind = kind, Country = country }, RequestId = requestId };
        var parents = Gen.OneOf(FuzzValues.NameIn("donors"), Gen.Constant(donor.Name));
        var pledges =
            from parent in parents
            from currency in FuzzValues.Currency
            from units in FuzzValues.Units
            from nanos in FuzzValues.Nanos
            from requestId in FuzzValues.RequestId
            select new CreatePledgeRequest
            {
                Parent = parent, Pledge = new Pledge { Amount = new Money { CurrencyCode = currency, Units = units, Nanos = nanos } }, RequestId = requestId,
            };

        await CheckCreatesAsync(donors, async request =>
        {
            var created = (await funding.CreateDonorAsync(request)).Donor;
            Assert.Equal(created, (await funding.GetDonorAsync(new GetDonorRequest { Name = created.Name })).Donor);
        });
        await CheckCreatesAsync(pledges, async request =>
        {
            var created = (await funding.CreatePledgeAsync(request)).Pledge;
            Assert.Equal(created, (await funding.GetPledgeAsync(new GetPledgeRequest { Name = created.Name })).Pledge);
        });
        await CheckAsync(FuzzValues.NameIn("donors").Select(name => new GetDonorRequest { Name = name }),
            request => funding.GetDonorAsync(request).ResponseAsync);
        await CheckAsync(FuzzValues.NameIn("donors/0123456789abcdef0123456789abcdef/pledges").Select(name => new GetPledgeRequest { Name = name }),
            request => funding.GetPledgeAsync(request).ResponseAsync);
        await CheckAsync(
            from size in FuzzValues.PageSize from token in FuzzValues.PageToken select new ListDonorsRequest { PageSize = size, PageToken = token },
            request => funding.ListDonorsAsync(request).ResponseAsync);
        await CheckAsync(
            from parent in parents from size in FuzzValues.PageSize from token in FuzzValues.PageToken
            select new ListPledgesRequest { Parent = parent, PageSize = size, PageToken = token },
            request => funding.ListPledgesAsync(request).ResponseAsync);
    }

    /// <summary>Every sampled call succeeds or fails with a client error (or one of <paramref name="alsoAllowed"/>).</summary>
    private static async Task CheckAsync<TRequest>(Gen<TRequest> requests, Func<TRequest, Task> call, params StatusCode[] alsoAllowed)
    {
        foreach (var request in FuzzValues.Sample(requests))
        {
            try
            {
                await call(request);
            }
            catch (RpcException exception)
            {
                Assert.True(ClientErrors.Contains(exception.StatusCode) || alsoAllowed.Contains(exception.StatusCode),
                    $"{exception.StatusCode} ({exception.Status.Detail}) for {request}");
            }
        }
    }

    /// <summary>
    /// Every sampled create either succeeds and passes <paramref name="roundTrip"/>, or fails with
    /// a client error and leaves the number of keys in Redis unchanged (tests in the suite
    /// collection run one at a time, so nothing else writes meanwhile).
    /// </summary>
    private async Task CheckCreatesAsync<TRequest>(Gen<TRequest> requests, Func<TRequest, Task> roundTrip)
    {
        var server = redis.GetServers()[0];
        foreach (var request in FuzzValues.Sample(requests))
        {
            var keysBefore = await server.DatabaseSizeAsync();
            try
            {
                await roundTrip(request);
            }
            catch (RpcException exception)
            {
                Assert.True(ClientErrors.Contains(exception.StatusCode), $"{exception.StatusCode} ({exception.Status.Detail}) for {request}");
                Assert.Equal(keysBefore, await server.DatabaseSizeAsync());
            }
        }
    }
}
