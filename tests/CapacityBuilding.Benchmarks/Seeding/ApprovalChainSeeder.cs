using CapacityBuilding.Benchmarks.Cases;
using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using Google.Type;
using DateTime = System.DateTime;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>
/// Prepares case 6 through the services' own API (straight to each service, untimed): a donor
/// with a committed pledge holding exactly one allocation per seeded request, and requests brought
/// from draft through submitted to UNDER_REVIEW. Going through the API keeps every request and its
/// hash-chained history exactly as the service writes them.
/// </summary>
internal static class ApprovalChainSeeder
{
    /// <summary>Requests being brought to UNDER_REVIEW at once.</summary>
    private const int InFlight = 32;

    private static readonly Money OneDollar = new() { CurrencyCode = "USD", Units = 1 };

    public static async Task<ApprovalChain> SeedAsync(BenchmarkSuite suite, int requests)
    {
        var pledge = await CommittedPledgeAsync(new FundingService.FundingServiceClient(suite.Funding), Math.Max(1, requests) * OneDollar.Units);
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Assistance);
        var names = new string[requests];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (i, cancellationToken) => names[i] = await UnderReviewAsync(assistance, i, cancellationToken));
        return new ApprovalChain(new UnderReviewPool(names), pledge.Name, OneDollar);
    }

    private static async Task<Pledge> CommittedPledgeAsync(FundingService.FundingServiceClient funding, long units)
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest
        {
            Donor = new Donor { DisplayName = "Norway", Kind = Donor.Types.Kind.State, Country = "NOR" },
        })).Donor;
        var today = DateTime.UtcNow;
        var pledge = (await funding.CreatePledgeAsync(new CreatePledgeRequest
        {
            Parent = donor.Name,
            Pledge = new Pledge
            {
                Amount = new Money { CurrencyCode = OneDollar.CurrencyCode, Units = units },
                ValidFrom = Day(today.AddDays(-1)),
                ValidUntil = Day(today.AddDays(365)),
            },
        })).Pledge;
        return (await funding.CommitPledgeAsync(new CommitPledgeRequest { Name = pledge.Name })).Pledge;
    }

    private static async Task<string> UnderReviewAsync(AssistanceService.AssistanceServiceClient assistance, int number, CancellationToken cancellationToken)
    {
        var draft = (await assistance.CreateAssistanceRequestAsync(
            new CreateAssistanceRequestRequest { AssistanceRequest = Complete(number), RequestId = Guid.NewGuid().ToString("N") },
            cancellationToken: cancellationToken)).AssistanceRequest;
        await assistance.SubmitAssistanceRequestAsync(new SubmitAssistanceRequestRequest { Name = draft.Name }, cancellationToken: cancellationToken);
        await assistance.BeginAssistanceRequestReviewAsync(new BeginAssistanceRequestReviewRequest { Name = draft.Name }, cancellationToken: cancellationToken);
        return draft.Name;
    }

    /// <summary>A request with every field a submission needs, fitting the benchmark course so that approval's matching finds it.</summary>
    private static AssistanceRequest Complete(int number)
    {
        var today = DateTime.UtcNow;
        return new AssistanceRequest
        {
            RequestingState = "GHA",
            Title = $"E-evidence training for the cybercrime unit ({number})",
            Description = "Investigators of the Ghana Police Service need to handle electronic evidence so that courts admit it.",
            ThematicAreas = { ThematicArea.ElectronicEvidence },
            FocalPoint = new FocalPoint { DisplayName = "Ama Mensah", Email = "ama.mensah@police.gov.gh", Institution = "Ghana Police Service" },
            BeneficiaryInstitutions = { "Cybercrime Unit, Ghana Police Service" },
            AssistanceTypes = { AssistanceType.Training },
            DesiredStart = Day(today.AddDays(90)),
            DesiredEnd = Day(today.AddDays(180)),
            Languages = { "en", "fr" },
            EstimatedParticipants = 25,
            IndicativeBudget = new Money { CurrencyCode = "USD", Units = 50_000 },
            TargetAudiences = { TargetAudience.Investigators, TargetAudience.Prosecutors },
        };
    }

    private static Date Day(DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
