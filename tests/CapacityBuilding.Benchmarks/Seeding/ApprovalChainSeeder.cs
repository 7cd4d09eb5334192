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
/// hash-chained history exactly as the service writes them. Case 17 also fills a state with
/// approved requests (<see cref="ApproveSpreadAsync"/>).
/// </summary>
internal static class ApprovalChainSeeder
{
    /// <summary>Requests being brought to UNDER_REVIEW at once.</summary>
    private const int InFlight = 32;

    private static readonly Money OneDollar = new() { CurrencyCode = "USD", Units = 1 };

    /// <summary>Weeks the requests seeded UNDER_REVIEW are spread over, one week each in turn (ten years).</summary>
    private const int PoolWeeks = 520;

    /// <summary>Years of desired dates that case 17's approved requests are spread over, half before today.</summary>
    private const int SpreadYears = 10;

    public static async Task<ApprovalChain> SeedAsync(BenchmarkSuite suite, int requests, string country = "GHA")
    {
        var pledge = await CommittedPledgeAsync(new FundingService.FundingServiceClient(suite.Funding), Math.Max(1, requests) * OneDollar.Units);
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Assistance);
        var names = new string[requests];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (i, cancellationToken) => names[i] = await UnderReviewAsync(assistance, Complete(i, country), cancellationToken));
        return new ApprovalChain(new UnderReviewPool(names), pledge.Name, OneDollar);
    }

    /// <summary>
    /// Stores <paramref name="requests"/> approved requests of <paramref name="country"/>, the
    /// n-th naming one area in turn and wanted for 90 days from a day in turn over
    /// <see cref="SpreadYears"/> years around today, as a state's programme builds up over time.
    /// </summary>
    public static async Task ApproveSpreadAsync(BenchmarkSuite suite, string country, int requests)
    {
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Assistance);
        var areas = Enum.GetValues<ThematicArea>().Where(area => area != ThematicArea.Unspecified).ToArray();
        var firstDay = DateTime.UtcNow.AddYears(-SpreadYears / 2);
        var days = (int)(firstDay.AddYears(SpreadYears) - firstDay).TotalDays;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (i, cancellationToken) =>
            {
                var request = Complete(i, country);
                request.ThematicAreas[0] = areas[i % areas.Length];
                var start = firstDay.AddDays(i * 7919L % days);
                request.DesiredStart = Day(start);
                request.DesiredEnd = Day(start.AddDays(90));
                var name = await UnderReviewAsync(assistance, request, cancellationToken);
                await assistance.ReviewAssistanceRequestAsync(BenchmarkWrites.Approve(name), cancellationToken: cancellationToken);
            });
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

    private static async Task<string> UnderReviewAsync(AssistanceService.AssistanceServiceClient assistance, AssistanceRequest request, CancellationToken cancellationToken)
    {
        var draft = (await assistance.CreateAssistanceRequestAsync(
            new CreateAssistanceRequestRequest { AssistanceRequest = request, RequestId = Guid.NewGuid().ToString("N") },
            cancellationToken: cancellationToken)).AssistanceRequest;
        await assistance.SubmitAssistanceRequestAsync(new SubmitAssistanceRequestRequest { Name = draft.Name }, cancellationToken: cancellationToken);
        await assistance.BeginAssistanceRequestReviewAsync(new BeginAssistanceRequestReviewRequest { Name = draft.Name }, cancellationToken: cancellationToken);
        return draft.Name;
    }

    /// <summary>
    /// A request with every field a submission needs, fitting the benchmark course so that
    /// approval's matching finds it, wanted for six days of a week of its own in turn over
    /// <see cref="PoolWeeks"/> weeks: a state's requests overlap where a real programme's would,
    /// not each with every other (which made each approval count every earlier one).
    /// </summary>
    private static AssistanceRequest Complete(int number, string country)
    {
        var today = DateTime.UtcNow;
        return new AssistanceRequest
        {
            RequestingState = country,
            Title = $"E-evidence training for the cybercrime unit ({number})",
            Description = "Investigators of the Ghana Police Service need to handle electronic evidence so that courts admit it.",
            ThematicAreas = { ThematicArea.ElectronicEvidence },
            FocalPoint = new FocalPoint { DisplayName = "Ama Mensah", Email = "ama.mensah@police.gov.gh", Institution = "Ghana Police Service" },
            BeneficiaryInstitutions = { "Cybercrime Unit, Ghana Police Service" },
            AssistanceTypes = { AssistanceType.Training },
            DesiredStart = Day(today.AddDays(90 + (7 * (number % PoolWeeks)))),
            DesiredEnd = Day(today.AddDays(95 + (7 * (number % PoolWeeks)))),
            Languages = { "en", "fr" },
            EstimatedParticipants = 25,
            IndicativeBudget = new Money { CurrencyCode = "USD", Units = 50_000 },
            TargetAudiences = { TargetAudience.Investigators, TargetAudience.Prosecutors },
        };
    }

    private static Date Day(DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
