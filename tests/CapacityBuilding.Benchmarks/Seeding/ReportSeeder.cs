using CapacityBuilding.Benchmarks.Cases;
using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using Google.Type;
using Grpc.Core;
using StackExchange.Redis;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>
/// Stores the data of cases 15 and 18: approved requests, copies of one the service approved under new ids
/// (in <c>assistance:requests:index</c>, <c>assistance:requests:priority-index</c> and their APPROVED
/// state indexes, as the service keeps them; every copy has the template's priority),
/// ten allocations per request on average, and allocations made through funding's API from one
/// donor's committed pledge, so that every allocation moves the report totals as in production.
/// </summary>
internal sealed class ReportSeeder
{
    private const int RequestsPerBatch = 5_000;
    private const int AllocationsInFlight = 32;
    private const int AllocationsPerRequest = 10;
    private const int MaxAttempts = 5;
    private static readonly RedisKey RequestIndex = "assistance:requests:index";
    private static readonly RedisKey ApprovedIndex = "assistance:requests:index:state:Approved";
    private static readonly RedisKey PriorityIndex = "assistance:requests:priority-index";
    private static readonly RedisKey ApprovedPriorityIndex = "assistance:requests:priority-index:state:Approved";

    private readonly IDatabase database;
    private readonly FundingService.FundingServiceClient funding;
    private readonly string templateId;
    private readonly int templatePriority;
    private readonly Pledge pledge;
    private readonly List<string> requests = [];
    private long allocations;

    private ReportSeeder(IDatabase database, FundingService.FundingServiceClient funding, AssistanceRequest template, Pledge pledge, string donorId)
    {
        (this.database, this.funding, templateId, templatePriority, this.pledge, DonorId) =
            (database, funding, template.Name["requests/".Length..], template.PriorityScore, pledge, donorId);
        requests.Add(RequestName(templateId));
    }

    public string DonorId { get; }

    /// <summary>The request whose funding case 15b reads: the approved template.</summary>
    public string Request => requests[0];

    public static async Task<ReportSeeder> StartAsync(BenchmarkSuite suite, IConnectionMultiplexer redis)
    {
        var funding = new FundingService.FundingServiceClient(suite.Funding);
        var template = await AllocationCases.ApprovedRequestAsync(new AssistanceService.AssistanceServiceClient(suite.Assistance));
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = new Donor { DisplayName = "Report donor", Kind = Donor.Types.Kind.Foundation } })).Donor;
        var today = System.DateTime.UtcNow;
        var pledged = (await funding.CreatePledgeAsync(new CreatePledgeRequest
        {
            Parent = donor.Name,
            Pledge = new Pledge
            {
                Amount = new Money { CurrencyCode = "USD", Units = 1_000_000_000 },
                ValidFrom = new Date { Year = today.Year, Month = today.Month, Day = today.Day },
                ValidUntil = new Date { Year = today.Year + 1, Month = 1, Day = 1 },
            },
        })).Pledge;
        var committed = (await funding.CommitPledgeAsync(new CommitPledgeRequest { Name = pledged.Name })).Pledge;
        return new ReportSeeder(redis.GetDatabase(), funding, template, committed, donor.Name["donors/".Length..]);
    }

    /// <summary>Adds requests and allocations until <paramref name="target"/> allocations are stored over a tenth as many requests.</summary>
    public async Task SeedUntilAsync(long target)
    {
        await CopyRequestsUntilAsync(Math.Max(1, target / AllocationsPerRequest));
        var next = allocations;
        await Task.WhenAll(Enumerable.Range(0, AllocationsInFlight).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next) - 1; i < target; i = Interlocked.Increment(ref next) - 1)
            {
                await CreateWithRetriesAsync(new CreateAllocationRequest
                {
                    Allocation = new Allocation { Pledge = pledge.Name, AssistanceRequest = requests[(int)(i % requests.Count)], Amount = new Money { CurrencyCode = "USD", Units = 1 } },
                    RequestId = $"report-seed-{i}",
                });
            }
        }));
        allocations = target;
    }

    /// <summary>
    /// Retries what a loaded machine refuses as UNAVAILABLE (funding could not reach assistance in
    /// time): with the same request id, so a retry never allocates twice.
    /// </summary>
    private async Task CreateWithRetriesAsync(CreateAllocationRequest call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await funding.CreateAllocationAsync(call);
                return;
            }
            catch (RpcException refusal) when (refusal.StatusCode == StatusCode.Unavailable && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    private async Task CopyRequestsUntilAsync(long count)
    {
        var document = (string?)await database.StringGetAsync($"assistance:requests:{templateId}")
            ?? throw new InvalidOperationException($"Template request {templateId} is not stored.");
        while (requests.Count < count)
        {
            var batch = database.CreateBatch();
            var writes = new List<Task>(5 * RequestsPerBatch);
            for (var i = 0; i < RequestsPerBatch && requests.Count < count; i++)
            {
                var id = ResourceIds.New();
                writes.Add(batch.StringSetAsync($"assistance:requests:{id}", document.Replace(templateId, id, StringComparison.Ordinal)));
                writes.Add(batch.SortedSetAddAsync(RequestIndex, id, 0));
                writes.Add(batch.SortedSetAddAsync(ApprovedIndex, id, 0));
                var priorityMember = $"{templatePriority:D3}:{id}";
                writes.Add(batch.SortedSetAddAsync(PriorityIndex, priorityMember, 0));
                writes.Add(batch.SortedSetAddAsync(ApprovedPriorityIndex, priorityMember, 0));
                requests.Add(RequestName(id));
            }

            batch.Execute();
            await Task.WhenAll(writes);
        }
    }

    private static string RequestName(string id) => $"requests/{id}";
}
