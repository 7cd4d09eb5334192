using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using StackExchange.Redis;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// A member state lists its own nationals' enrolments, in one session or across every session
/// (<c>courses/-/sessions/-</c>), with full pages however many other nationals lie between; another
/// country's enrolments never appear, by any path.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class NationalsEnrolmentListTests(SuiteFixture suite)
{
    private const string EverySession = "courses/-/sessions/-";


    private readonly SeatHoldSetup setup = new(suite);

    [Fact]
    public async Task A_member_state_lists_only_its_nationals_in_a_session_in_full_pages_and_in_arrival_order()
    {
        var session = await setup.Training.SessionAsync(seats: 3);
        var ghanaians = new List<Enrolment>();
        for (var i = 0; i < 5; i++)
        {
            ghanaians.Add(await setup.EnrolAsync(session, $"gh{i}.{Guid.NewGuid():N}@police.example.org", "GHA"));
            await setup.EnrolAsync(session, $"ke{i}.{Guid.NewGuid():N}@police.example.org", "KEN");
            await setup.EnrolAsync(session, $"ng{i}.{Guid.NewGuid():N}@police.example.org", "NGA");
        }

        var (pages, listed) = await ListAllAsync(setup.MemberState("GHA"), session.Name, pageSize: 2);

        Assert.Equal([2, 2, 1], pages);
        Assert.Equal(ghanaians.Select(e => e.Name), listed.Select(e => e.Name));
        Assert.Equal(ghanaians.Select(e => e.State), listed.Select(e => e.State));
        Assert.All(listed.Where(e => e.State == EnrolmentState.Waitlisted), e => Assert.True(e.WaitlistPosition > 0));
        var (_, everyone) = await ListAllAsync(setup.Coordinator, session.Name, pageSize: 4);
        Assert.Equal(15, everyone.Count);
    }

    [Fact]
    public async Task Across_every_session_a_member_state_lists_its_nationals_newest_first_and_a_coordinator_lists_everyone()
    {
        var first = await setup.Training.SessionAsync(seats: 5);
        var second = await setup.Training.SessionAsync(seats: 5);
        // No other test enrols Icelanders: the listing across sessions holds this test's only.
        const string country = "ISL";
        var nationals = new List<string>();
        var others = new List<string>();
        foreach (var session in new[] { first, second })
        {
            for (var i = 0; i < 3; i++)
            {
                nationals.Add((await setup.EnrolAsync(session, $"own{i}.{Guid.NewGuid():N}@police.example.org", country)).Name);
                others.Add((await setup.EnrolAsync(session, $"other{i}.{Guid.NewGuid():N}@police.example.org", "KEN")).Name);
            }
        }

        var (pages, listed) = await ListAllAsync(setup.MemberState(country), EverySession, pageSize: 4);

        Assert.Equal([4, 2], pages);
        Assert.Equal(Enumerable.Reverse(nationals), listed.Select(e => e.Name));
        var (_, everyone) = await ListAllAsync(setup.Coordinator, EverySession, pageSize: 500);
        Assert.Subset(everyone.Select(e => e.Name).ToHashSet(), nationals.Concat(others).ToHashSet());
    }

    [Fact]
    public async Task Another_countrys_enrolment_is_found_by_no_path()
    {
        var session = await setup.Training.SessionAsync(seats: 5);
        var kenyan = await setup.EnrolAsync(session, $"kenyan.{Guid.NewGuid():N}@police.example.org", "KEN");
        var ghana = setup.MemberState("GHA");

        await RichErrors.FailsWith(StatusCode.NotFound, () => ghana.GetEnrolmentAsync(new GetEnrolmentRequest { Name = kenyan.Name }).ResponseAsync);
        var (_, inSession) = await ListAllAsync(ghana, session.Name, pageSize: 50);
        var (_, everywhere) = await ListAllAsync(ghana, EverySession, pageSize: 500);
        Assert.Empty(inSession);
        Assert.DoesNotContain(kenyan.Name, everywhere.Select(e => e.Name));
        Assert.All(everywhere, e => Assert.Equal("GHA", e.Nationality));
    }

    [Fact]
    public async Task A_coordinators_page_token_is_refused_in_a_member_states_listing()
    {
        var session = await setup.Training.SessionAsync(seats: 5);
        await setup.EnrolAsync(session, $"a.{Guid.NewGuid():N}@police.example.org", "GHA");
        await setup.EnrolAsync(session, $"b.{Guid.NewGuid():N}@police.example.org", "KEN");
        var token = (await setup.Coordinator.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session.Name, PageSize = 1 })).NextPageToken;

        var refusal = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            setup.MemberState("GHA").ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session.Name, PageToken = token }).ResponseAsync);

        Assert.Contains("page_token", refusal.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_training_process_starting_on_older_data_indexes_its_enrolments_by_nationality()
    {
        var session = await setup.Training.SessionAsync(seats: 5);
        // No other test enrols Mongolians.
        const string country = "MNG";
        var national = await setup.EnrolAsync(session, $"older.{Guid.NewGuid():N}@police.example.org", country);
        var sessionId = session.Name.Split('/')[3];
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        // The data as a version without the indexes left it.
        await database.KeyDeleteAsync([
            $"training:sessions:{sessionId}:enrolments:{country}", $"training:enrolments:nationals:{country}",
            "training:migrations:enrolment-nationality-index",
        ]);
        Assert.Empty((await setup.MemberState(country).ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session.Name })).Enrolments);

        var address = SuiteFixture.Loopback(FreePort.Next());
        await using var process = await suite.StartExtraServiceAsync("training", address, new Dictionary<string, string>());
        var client = new TrainingService.TrainingServiceClient(
            suite.Channel(address, suite.Tokens.Mint(CallerRole.MemberState, "focal-point-backfill", country)));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var listed = new List<string>();
        while (listed.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            listed = [.. (await client.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = EverySession })).Enrolments.Select(e => e.Name)];
        }

        Assert.Equal([national.Name], listed);
        Assert.Equal([national.Name], (await client.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session.Name })).Enrolments.Select(e => e.Name));
        Assert.True(await database.KeyExistsAsync("training:migrations:enrolment-nationality-index"));
    }

    private static async Task<(List<int> Pages, List<Enrolment> Enrolments)> ListAllAsync(TrainingService.TrainingServiceClient client, string parent, int pageSize)
    {
        var pages = new List<int>();
        var all = new List<Enrolment>();
        var token = "";
        do
        {
            var page = await client.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = parent, PageSize = pageSize, PageToken = token });
            pages.Add(page.Enrolments.Count);
            all.AddRange(page.Enrolments);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return (pages, all);
    }
}
