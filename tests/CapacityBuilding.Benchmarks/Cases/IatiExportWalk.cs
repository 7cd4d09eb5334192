using System.Diagnostics;
using CapacityBuilding.Benchmarks.Reporting;
using CapacityBuilding.Benchmarks.Seeding;
using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using Google.Type;
using StackExchange.Redis;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 14: the IATI activity file at each of <c>--IatiExportSizes</c> funded, published requests
/// (each with one allocation and one outcome with a measured indicator), on a suite of its own: every page of
/// <c>ExportIatiActivities</c> walked straight to funding at the largest page size (500), one
/// page at a time as a publisher would fetch them, timed, with the funding process's resident set
/// before and its peak after. The export reads one page's allocations, requests and outcomes at a
/// time, so the peak should not grow with the programme.
/// </summary>
internal static class IatiExportWalk
{
    private const int PageSize = 500;

    public static async Task<List<IatiExportResult>> MeasureAsync(IReadOnlyList<int> sizes)
    {
        await using var suite = await BenchmarkSuite.StartAsync();
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Assistance);
        var funding = new FundingService.FundingServiceClient(suite.Funding);
        var request = await AllocationCases.ApprovedRequestAsync(assistance);
        await new AssistanceService.AssistanceServiceClient(suite.AssistanceAsMemberState(request.RequestingState))
            .SetAssistanceRequestPublicationConsentAsync(new SetAssistanceRequestPublicationConsentRequest { Name = request.Name, Publish = true });
        var outcome = (await assistance.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = MeasuredOutcome() })).Outcome;
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest
        {
            Donor = new Donor { DisplayName = "Norway", Kind = Donor.Types.Kind.State, Country = "NOR", IatiIdentifier = "XM-DAC-8" },
        })).Donor;
        var today = System.DateTime.UtcNow;
        var pledge = (await funding.CreatePledgeAsync(new CreatePledgeRequest
        {
            Parent = donor.Name,
            Pledge = new Pledge
            {
                Amount = new Money { CurrencyCode = "USD", Units = 1_000_000 },
                ValidFrom = Day(today),
                ValidUntil = Day(today.AddYears(1)),
            },
        })).Pledge;
        await funding.CommitPledgeAsync(new CommitPledgeRequest { Name = pledge.Name });
        var allocation = (await funding.CreateAllocationAsync(new CreateAllocationRequest
        {
            Allocation = new Allocation { Pledge = pledge.Name, AssistanceRequest = request.Name, Amount = new Money { CurrencyCode = "USD", Units = 100 } },
        })).Allocation;

        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var seeder = new FundedRequestSeeder(redis, IdOf(request.Name), IdOf(outcome.Name), IdOf(allocation.Name), IdOf(donor.Name));
        var fundingProcess = suite.Processes.Single(process => process.Name == "funding").ProcessId;
        var results = new List<IatiExportResult>();
        foreach (var size in sizes)
        {
            Console.WriteLine($"Seeding to {size} funded, published requests for case 14 (pipelined writes)...");
            await seeder.SeedUntilAsync(size);
            var residentBefore = PeakMemory.ResidentMebibytesOf(fundingProcess);
            var (activities, pages, bytes, pageTimes) = (0, 0, 0L, new List<double>());
            var walk = Stopwatch.StartNew();
            var token = "";
            do
            {
                var page = Stopwatch.StartNew();
                var export = await funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { PageSize = PageSize, PageToken = token });
                pageTimes.Add(page.Elapsed.TotalMilliseconds);
                (activities, pages, bytes, token) = (activities + export.ActivityCount, pages + 1, bytes + export.Xml.Length, export.NextPageToken);
            }
            while (token.Length > 0);

            pageTimes.Sort();
            var result = new IatiExportResult(size, activities, pages, bytes, walk.Elapsed.TotalSeconds, pageTimes[pageTimes.Count / 2], pageTimes[^1],
                residentBefore, PeakMemory.MebibytesOf(fundingProcess));
            Console.WriteLine($"  14@{size}: {result.Activities} activities in {result.Pages} pages, {result.Seconds:0.0} s, page p50 {result.PageP50Ms:0} ms, funding peak {result.FundingPeakAfterMebibytes:0} MiB");
            results.Add(result);
        }

        return results;
    }

    private static Outcome MeasuredOutcome() => new()
    {
        Statement = "Investigators seize and preserve electronic evidence so that courts admit it",
        Indicators =
        {
            new Indicator
            {
                Title = "Investigators certified in electronic evidence handling",
                Measure = Indicator.Types.Measure.Unit,
                Unit = "investigators",
                Baseline = new IndicatorValue { Value = 3, Date = new Date { Year = 2025, Month = 1, Day = 15 } },
                Target = new IndicatorValue { Value = 40, Date = new Date { Year = 2028, Month = 12, Day = 31 } },
                Actuals = { new IndicatorValue { Value = 12, Date = Day(System.DateTime.UtcNow) } },
            },
        },
    };

    private static Date Day(System.DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static string IdOf(string name) => name[(name.LastIndexOf('/') + 1)..];
}
