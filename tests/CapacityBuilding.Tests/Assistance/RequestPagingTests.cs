using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Paging over 10,000 stored requests while others are being created: no request skipped or
/// repeated, in order; and filters that rarely meet find every match in one full page, the
/// service walking its indexes past several scan budgets rather than answering short pages.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestPagingTests(SuiteFixture suite)
{
    private const int Seeded = 10_000;
    private const int Needles = 5;

    // Seeded once for the class: creating 10,000 requests takes a while on a small machine.
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static SeededRequests? seeded;

    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "paging-coordinator");

    private readonly AssistanceService.AssistanceServiceClient seeder = RequestLifecycleDriver.Coordinator(suite, "paging-seeder");

    [Theory]
    [InlineData("create_time desc")]
    [InlineData("priority_score desc")]
    public async Task Paging_while_others_create_sees_every_earlier_request_once_in_order(string order)
    {
        var seed = await SeedAsync();
        using var stopCreating = new CancellationTokenSource();
        var createdMeanwhile = CreateUntilCancelledAsync(stopCreating.Token);

        var seen = new List<AssistanceRequest>();
        var list = new ListAssistanceRequestsRequest { PageSize = 500, OrderBy = order, CreateTimeStart = seed.WindowStart };
        do
        {
            var page = await assistance.ListAssistanceRequestsAsync(list);
            Assert.InRange(page.AssistanceRequests.Count, 0, 500);
            seen.AddRange(page.AssistanceRequests);
            list.PageToken = page.NextPageToken;
        }
        while (list.PageToken.Length > 0);
        await stopCreating.CancelAsync();
        var meanwhile = await createdMeanwhile;

        var names = seen.Select(request => request.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Subset(names.ToHashSet(), seed.Names);
        Assert.True(meanwhile > 0, "nothing was created while paging");
        var keys = seen.Select(request => (order == "priority_score desc" ? request.PriorityScore : 0, request.Name)).ToList();
        Assert.Equal(keys.OrderByDescending(key => key.Item1).ThenByDescending(key => key.Name, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task Filters_that_rarely_meet_find_every_match_in_one_page_without_a_token()
    {
        var seed = await SeedAsync();

        var page = await assistance.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest
        {
            PageSize = Needles,
            RequestingState = "GHA",
            ThematicArea = ThematicArea.ElectronicEvidence,
            CreateTimeStart = seed.WindowStart,
        });

        // Both indexes hold about 5,000 requests and meet in 5 spread over them: finding the five
        // and that there is no sixth walks more entries than one script call's scan budget, yet
        // the page is whole and known to be the last.
        Assert.Equal(seed.NeedleNames.OrderByDescending(name => name, StringComparer.Ordinal), page.AssistanceRequests.Select(request => request.Name));
        Assert.Empty(page.NextPageToken);
    }

    private async Task<SeededRequests> SeedAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            return seeded ??= await CreateSeedAsync();
        }
        finally
        {
            SeedLock.Release();
        }
    }

    /// <summary>
    /// Half GHA requests on legislation, half NOR requests on electronic evidence, and a few GHA
    /// requests on electronic evidence spread among them; created in parallel batches.
    /// </summary>
    private async Task<SeededRequests> CreateSeedAsync()
    {
        await Task.Delay(2);
        var windowStart = Timestamp.FromDateTime(DateTime.UtcNow);
        using var inFlight = new SemaphoreSlim(64);
        var needleAt = Enumerable.Range(1, Needles).Select(i => i * (Seeded / (Needles + 1))).ToHashSet();
        var created = await Task.WhenAll(Enumerable.Range(0, Seeded).Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                var needle = needleAt.Contains(i);
                var request = new AssistanceRequest
                {
                    RequestingState = needle || i % 2 == 0 ? "GHA" : "NOR",
                    Title = $"Seeded request {i}",
                    ThematicAreas = { needle || i % 2 == 1 ? ThematicArea.ElectronicEvidence : ThematicArea.Legislation },
                    EstimatedParticipants = i % 101,
                };
                var reply = await seeder.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = request });
                return (reply.AssistanceRequest.Name, Needle: needle);
            }
            finally
            {
                inFlight.Release();
            }
        }));
        return new SeededRequests(windowStart, [.. created.Select(c => c.Name)], [.. created.Where(c => c.Needle).Select(c => c.Name)]);
    }

    private async Task<int> CreateUntilCancelledAsync(CancellationToken cancellation)
    {
        var count = 0;
        while (!cancellation.IsCancellationRequested)
        {
            await seeder.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
            {
                AssistanceRequest = RequestLifecycleDriver.CompleteRequest("NOR", "Created while paging"),
            }, cancellationToken: CancellationToken.None);
            count++;
        }

        return count;
    }

    private sealed record SeededRequests(Timestamp WindowStart, HashSet<string> Names, List<string> NeedleNames);
}
