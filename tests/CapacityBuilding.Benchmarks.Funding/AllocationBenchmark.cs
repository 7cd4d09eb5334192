using System.Diagnostics;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using Google.Type;

namespace CapacityBuilding.Benchmarks.Funding;

/// <summary>Runs a fixed number of allocations with a fixed number of concurrent callers and times them.</summary>
internal sealed class AllocationBenchmark(BenchmarkSuite suite)
{
    private static readonly Money OneDollar = new() { CurrencyCode = "USD", Units = 1 };

    private readonly FundingService.FundingServiceClient funding = new(suite.Funding);
    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Assistance);

    public Task WarmUpAsync() => RunAsync("warm-up", 3_000, 16, 10);

    public async Task<BenchmarkResult> RunAsync(string scenario, int allocations, int concurrency, int pledgeCount)
    {
        var request = await ApprovedRequestAsync();
        var pledges = await PledgesAsync(pledgeCount, allocations);
        var latencies = new double[allocations];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < allocations)
            {
                var started = Stopwatch.GetTimestamp();
                await funding.CreateAllocationAsync(new CreateAllocationRequest
                {
                    Allocation = new Allocation { Pledge = pledges[i % pledges.Count].Name, AssistanceRequest = request.Name, Amount = OneDollar },
                    RequestId = Guid.NewGuid().ToString(),
                });
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        clock.Stop();

        await EnsureNothingDriftedAsync(pledges, allocations);
        Array.Sort(latencies);
        return new BenchmarkResult(scenario, allocations, clock.Elapsed, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)]);
    }

    private async Task<AssistanceRequest> ApprovedRequestAsync()
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
        })).AssistanceRequest;
    }

    private async Task<IReadOnlyList<Pledge>> PledgesAsync(int count, int allocations)
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest
        {
            Donor = new Donor { DisplayName = "Benchmark donor", Kind = Donor.Types.Kind.Foundation },
        })).Donor;
        var today = System.DateTime.UtcNow;
        var pledge = new Pledge
        {
            // Enough for every allocation to succeed, so that the run measures successful writes.
            Amount = new Money { CurrencyCode = "USD", Units = allocations },
            ValidFrom = new Date { Year = today.Year, Month = today.Month, Day = today.Day },
            ValidUntil = new Date { Year = today.Year + 1, Month = 1, Day = 1 },
        };
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = pledge }).ResponseAsync));
        return [.. created.Select(reply => reply.Pledge)];
    }

    /// <summary>A benchmark that loses money measures nothing: every pledge must have given exactly what was allocated.</summary>
    private async Task EnsureNothingDriftedAsync(IReadOnlyList<Pledge> pledges, int allocations)
    {
        long allocated = 0;
        foreach (var pledge in pledges)
        {
            var read = (await funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge;
            allocated += read.Amount.Units - read.RemainingBalance.Units;
        }

        if (allocated != allocations)
        {
            throw new InvalidOperationException($"{allocations} allocations of 1 USD, but the pledges gave {allocated} USD.");
        }
    }
}

internal sealed record BenchmarkResult(string Scenario, int Allocations, TimeSpan Elapsed, double MedianMilliseconds, double P99Milliseconds)
{
    public string Format() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Scenario,-34} {Allocations / Elapsed.TotalSeconds,8:F0} allocations/s  ({Allocations} in {Elapsed.TotalSeconds:F2} s; latency p50 {MedianMilliseconds:F1} ms, p99 {P99Milliseconds:F1} ms)");
}
