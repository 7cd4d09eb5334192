using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using Google.Type;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 9: CreateAllocation straight to the funding process, 1 USD at a time to one approved
/// request, from one pledge (every call contends for the same Redis key) and spread over 1,000
/// pledges. Every answered allocation is counted, so that <see cref="EnsureNothingDriftedAsync"/>
/// can hold the pledges' balances against it: a benchmark that loses money measures nothing.
/// </summary>
internal sealed class AllocationCases
{
    private const int SpreadPledges = 1_000;

    /// <summary>Enough for every allocation a run can make, so that the cases measure successful writes.</summary>
    private const long PledgeUnits = 1_000_000_000;

    private static readonly Money OneDollar = new() { CurrencyCode = "USD", Units = 1 };

    private readonly FundingService.FundingServiceClient funding;
    private readonly string request;
    private readonly IReadOnlyList<Pledge> contended;
    private readonly IReadOnlyList<Pledge> spread;
    private long allocated;

    private AllocationCases(FundingService.FundingServiceClient funding, string request, IReadOnlyList<Pledge> contended, IReadOnlyList<Pledge> spread)
    {
        this.funding = funding;
        this.request = request;
        this.contended = contended;
        this.spread = spread;
    }

    public IReadOnlyList<BenchmarkCase> All =>
    [
        new("9a", "CreateAllocation, one pledge (contended)", "client -> funding -> assistance (approved?) + Redis script", () => AllocateAsync(contended)),
        new("9b", $"CreateAllocation, {SpreadPledges:N0} pledges", "client -> funding -> assistance (approved?) + Redis script", () => AllocateAsync(spread)),
    ];

    /// <summary>Seeds, through the API, an approved request and the pledges the cases allocate from.</summary>
    public static async Task<AllocationCases> SeedAsync(BenchmarkSuite suite)
    {
        var funding = new FundingService.FundingServiceClient(suite.Funding);
        var request = await ApprovedRequestAsync(new AssistanceService.AssistanceServiceClient(suite.Assistance));
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest
        {
            Donor = new Donor { DisplayName = "Benchmark donor", Kind = Donor.Types.Kind.Foundation },
        })).Donor;
        return new AllocationCases(funding, request.Name, await PledgesAsync(funding, donor, 1), await PledgesAsync(funding, donor, SpreadPledges));
    }

    /// <summary>Throws unless the pledges gave exactly what the answered allocations took.</summary>
    public async Task EnsureNothingDriftedAsync()
    {
        long given = 0;
        foreach (var pledge in contended.Concat(spread))
        {
            var read = (await funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge;
            given += read.Amount.Units - read.RemainingBalance.Units;
        }

        var taken = Interlocked.Read(ref allocated);
        if (given != taken)
        {
            throw new InvalidOperationException($"{taken} allocations of 1 USD were answered, but the pledges gave {given} USD.");
        }
    }

    private async Task AllocateAsync(IReadOnlyList<Pledge> pledges)
    {
        await funding.CreateAllocationAsync(new CreateAllocationRequest
        {
            Allocation = new Allocation { Pledge = pledges[Random.Shared.Next(pledges.Count)].Name, AssistanceRequest = request, Amount = OneDollar },
            RequestId = Guid.NewGuid().ToString("N"),
        });
        Interlocked.Increment(ref allocated);
    }

    /// <summary>A complete request brought to APPROVED through the API (case 9's, and the template of case 14's).</summary>
    public static async Task<AssistanceRequest> ApprovedRequestAsync(AssistanceService.AssistanceServiceClient assistance)
    {
        var created = (await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest
            {
                RequestingState = "GHA",
                Title = "Benchmark request",
                Description = "Allocations per second.",
                ThematicAreas = { ThematicArea.ElectronicEvidence },
                FocalPoint = new FocalPoint { DisplayName = "Ama Mensah", Email = "ama.mensah@police.gov.gh", Institution = "Ghana Police Service" },
                BeneficiaryInstitutions = { "Cybercrime Unit, Ghana Police Service" },
                AssistanceTypes = { AssistanceType.Training },
                DesiredStart = new Date { Year = 2027, Month = 3, Day = 1 },
                DesiredEnd = new Date { Year = 2027, Month = 6, Day = 30 },
                Languages = { "en" },
                EstimatedParticipants = 20,
                IndicativeBudget = new Money { CurrencyCode = "USD", Units = 100_000 },
                TargetAudiences = { TargetAudience.Investigators },
            },
        })).AssistanceRequest;
        const string Reason = "benchmark";
        await assistance.SubmitAssistanceRequestAsync(new SubmitAssistanceRequestRequest { Name = created.Name, Reason = Reason });
        await assistance.BeginAssistanceRequestReviewAsync(new BeginAssistanceRequestReviewRequest { Name = created.Name, Reason = Reason });
        return (await assistance.ReviewAssistanceRequestAsync(new ReviewAssistanceRequestRequest
        {
            Name = created.Name,
            Decision = ReviewAssistanceRequestRequest.Types.Decision.Approve,
            Reason = Reason,
            OverlapConfirmation = "Benchmark: its requests share a state, areas and dates.",
        })).AssistanceRequest;
    }

    private static async Task<IReadOnlyList<Pledge>> PledgesAsync(FundingService.FundingServiceClient funding, Donor donor, int count)
    {
        var today = System.DateTime.UtcNow;
        var pledge = new Pledge
        {
            Amount = new Money { CurrencyCode = OneDollar.CurrencyCode, Units = PledgeUnits },
            ValidFrom = new Date { Year = today.Year, Month = today.Month, Day = today.Day },
            ValidUntil = new Date { Year = today.Year + 1, Month = 1, Day = 1 },
        };
        // Committed: only committed money can be allocated.
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var pledged = (await funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = pledge })).Pledge;
            return (await funding.CommitPledgeAsync(new CommitPledgeRequest { Name = pledged.Name })).Pledge;
        }));
        return created;
    }
}
