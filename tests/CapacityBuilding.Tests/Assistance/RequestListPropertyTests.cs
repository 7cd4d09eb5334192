using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Random combinations of every filter ListAssistanceRequests accepts (requesting state, state,
/// thematic area, assistance type, DAC eligibility, a created window) in either order, over a few
/// thousand requests whose filters are skewed so that some combinations meet rarely: every page
/// but the last is full, and the pages together are the filtered set in order, once each. Every
/// listing is walked twice: through the suite's assistance, and through one of the test's own
/// whose page script may examine only <see cref="TinyScanBudget"/> entries per call, so that
/// nearly every page takes several calls of it.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestListPropertyTests(SuiteFixture suite)
{
    private const int Seeded = 3_000;
    private const int Combinations = 40;
    private const int TinyScanBudget = 7;

    private static readonly string[] Countries = ["GHA", "NOR", "NPL", "SEN", "BRA"];
    private static readonly ThematicArea[] Areas = [ThematicArea.Legislation, ThematicArea.ElectronicEvidence, ThematicArea.Network247, ThematicArea.ProceduralMeasures];
    private static readonly AssistanceType[] Types = [AssistanceType.Training, AssistanceType.ExpertMission, AssistanceType.Awareness];

    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "list-property-coordinator");

    [Fact]
    public async Task Every_filter_combination_pages_through_full_pages_to_exactly_its_requests_in_order()
    {
        var (window, created) = await SeedAsync();
        var random = new Random(19);
        var (process, channel) = await suite.StartExtraAssistanceAsync(
            new Dictionary<string, string>(SuiteFixture.DirectTo(suite.TrainingAddress)) { ["Requests__Listing__ScanBudget"] = $"{TinyScanBudget}" });
        await using var tinyBudgetProcess = process;
        var tinyBudget = new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{channel.Target}"), suite.CoordinatorToken));

        for (var i = 0; i < Combinations; i++)
        {
            var (list, matches, described) = RandomCombination(random, window);
            var priority = list.OrderBy == "priority_score desc";
            var expected = created.Where(matches);
            expected = priority
                ? expected.OrderByDescending(request => request.PriorityScore).ThenByDescending(request => request.Name, StringComparer.Ordinal)
                : expected.OrderByDescending(request => request.Name, StringComparer.Ordinal);
            var expectedNames = expected.Select(request => request.Name).ToList();
            list.PageSize = Math.Max(random.Next(1, 40), expectedNames.Count / 25);

            foreach (var client in (AssistanceService.AssistanceServiceClient[])[assistance, tinyBudget])
            {
                var listed = await ListAllAsync(client, list.Clone(), described);
                Assert.True(expectedNames.SequenceEqual(listed), $"{described}: listed {listed.Count}, expected {expectedNames.Count}");
            }
        }
    }

    /// <summary>Every page of <paramref name="list"/>, checking that each page but the last is full.</summary>
    private static async Task<List<string>> ListAllAsync(AssistanceService.AssistanceServiceClient client, ListAssistanceRequestsRequest list, string described)
    {
        var listed = new List<string>();
        do
        {
            var page = await client.ListAssistanceRequestsAsync(list);
            Assert.True(page.NextPageToken.Length == 0 || page.AssistanceRequests.Count == list.PageSize,
                $"{described}: a page of {page.AssistanceRequests.Count} of {list.PageSize} with a next-page token after {listed.Count}");
            listed.AddRange(page.AssistanceRequests.Select(request => request.Name));
            list.PageToken = page.NextPageToken;
        }
        while (list.PageToken.Length > 0);
        return listed;
    }

    /// <summary>Each filter taken with probability 0.4, the window's bounds and the order at random; the filter applied by hand beside it.</summary>
    private static (ListAssistanceRequestsRequest List, Func<AssistanceRequest, bool> Matches, string Described) RandomCombination(Random random, Window window)
    {
        var list = new ListAssistanceRequestsRequest { OrderBy = random.Next(2) == 0 ? "create_time desc" : "priority_score desc" };
        var tests = new List<Func<AssistanceRequest, bool>>();
        if (random.NextDouble() < 0.4)
        {
            var country = Countries[random.Next(Countries.Length)];
            list.RequestingState = country;
            tests.Add(request => request.RequestingState == country);
        }

        if (random.NextDouble() < 0.4)
        {
            var state = random.Next(2) == 0 ? State.Draft : State.Submitted;
            list.State = state;
            tests.Add(request => request.State == state);
        }

        if (random.NextDouble() < 0.4)
        {
            var area = Areas[random.Next(Areas.Length)];
            list.ThematicArea = area;
            tests.Add(request => request.ThematicAreas.Contains(area));
        }

        if (random.NextDouble() < 0.4)
        {
            var type = Types[random.Next(Types.Length)];
            list.AssistanceType = type;
            tests.Add(request => request.AssistanceTypes.Contains(type));
        }

        if (random.NextDouble() < 0.4)
        {
            var eligible = random.Next(2) == 0;
            list.DacEligible = eligible;
            tests.Add(request => request.DacEligible == eligible);
        }

        // The whole seed, or a part of it from and to random created requests; in milliseconds,
        // the precision of the ids the window is compared with.
        var (start, end) = random.Next(3) == 0
            ? (window.Created[random.Next(window.Created.Count / 2)], window.Created[(window.Created.Count / 2) + random.Next(window.Created.Count / 2)])
            : (window.Start, window.End);
        end = Math.Max(end, start + 1);
        list.CreateTimeStart = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(start));
        list.CreateTimeEnd = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(end));
        tests.Add(request => CreatedMs(request) >= start && CreatedMs(request) < end);
        return (list, request => tests.All(test => test(request)), list.ToString());
    }

    /// <summary>
    /// Requests whose country, area, type and state follow one another loosely (most GHA requests
    /// are on legislation, few NOR requests are submitted, ...), so that single filters are common
    /// and some of their combinations rare; a quarter submitted.
    /// </summary>
    private async Task<(Window Window, List<AssistanceRequest> Created)> SeedAsync()
    {
        var driver = new RequestLifecycleDriver(assistance);
        await Task.Delay(2); // the window has millisecond precision, like the ids it is compared with
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var inFlight = new SemaphoreSlim(32);
        var created = await Task.WhenAll(Enumerable.Range(0, Seeded).Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                var rare = i % 97 == 0;
                var request = RequestLifecycleDriver.CompleteRequest(Countries[i % Countries.Length], $"Property request {i}");
                request.ThematicAreas.Clear();
                request.ThematicAreas.Add(rare ? Areas[(i + 1) % Areas.Length] : Areas[i % Countries.Length % Areas.Length]);
                request.AssistanceTypes.Clear();
                request.AssistanceTypes.Add(Types[i / 7 % Types.Length]);
                request.EstimatedParticipants = 1 + (i % 150);
                var current = await driver.CreateAsync(request);
                return i % 4 == 0 && (i % Countries.Length != 1 || rare) ? await driver.ActAsync(current.Name, Action.Submit) : current;
            }
            finally
            {
                inFlight.Release();
            }
        }));
        await Task.Delay(2);
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return (new Window(start, end, [.. created.Select(CreatedMs).Order()]), [.. created]);
    }

    /// <summary>When the request was created, as its id (a UUIDv7) says: the first 12 hex digits are its Unix milliseconds.</summary>
    private static long CreatedMs(AssistanceRequest request) =>
        long.Parse(request.Name.AsSpan("requests/".Length, 12), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The seed's bounds and each request's creation, in Unix milliseconds.</summary>
    private sealed record Window(long Start, long End, List<long> Created);
}
