using CapacityBuilding.Benchmarks.Cases;
using CapacityBuilding.Benchmarks.Load;
using CapacityBuilding.Benchmarks.Reporting;
using CapacityBuilding.Benchmarks.Seeding;
using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DemoData;
using CapacityBuilding.DemoData.Files;
using CapacityBuilding.Testing;
using StackExchange.Redis;

namespace CapacityBuilding.Benchmarks;

/// <summary>
/// The whole run: start the suite, measure List at each stored count (seeding in between), then
/// the unary cases, then each service's own cases (catalogue search, allocations, filtered
/// listings, each seeded just before it), the portal's pages and the IATI export's walk (each on a
/// suite of its own), and report medians, ratios, targets, Redis memory per
/// request and peak working sets. Listing runs first so that its stored counts are exact (case 5
/// stores requests, and case 6's requests are seeded after it).
/// </summary>
internal static class BenchmarkRun
{
    /// <summary>Marks the open-loop run of a case at half of its peak throughput.</summary>
    public const string HalfOfPeakSuffix = "@half";

    /// <summary>Creates made one at a time to count the Redis commands of one (case 5).</summary>
    private const int CountedCreates = 100;

    private const string LoadGenerator = "in-process Grpc.Net.Client closed loop on one shared HTTP/2 channel per target";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ConfigurationBuilder().AddCommandLine(args).Build().Get<BenchmarkOptions>() ?? new BenchmarkOptions();
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        Console.WriteLine("Starting redis-server, training, assistance, funding, a no-op gRPC server, a bare YARP proxy and the gateway on loopback...");
        await using var suite = await BenchmarkSuite.StartAsync();
        Console.WriteLine("Processes (attach dotnet-counters or dotnet-trace by id): " + string.Join(", ", suite.Processes.Select(process => $"{process.Name} {process.ProcessId}")));
        var (course, request) = await CreateThroughTheApiAsync(suite);
        var results = new List<CaseResult>();
        var stopped = new List<PendingRow>();

        // Admin mode for INFO memory.
        using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString + ",allowAdmin=true");
        var seeder = new RequestSeeder(redis, request.Name["requests/".Length..]);
        var memoryBefore = await seeder.UsedMemoryAsync();
        long seeded = 0;
        // Seeding a million requests takes minutes: only for the listing cases, when they run.
        foreach (var size in options.IncludesGroup("7") ? options.Sizes : [])
        {
            Console.WriteLine($"Seeding to {ListingCases.Count(size)} stored requests (pipelined writes)...");
            seeded += await seeder.SeedUntilAsync(size);
            var issued = (await new AssistanceService.AssistanceServiceClient(suite.Assistance)
                .ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 1 })).NextPageToken;
            var listing = ListingCases.At(suite, size, options.PageSize, await seeder.DeepPageTokenAsync(options.PageSize, issued));
            results.AddRange(await MeasureAsync(listing, ClosedLoop(options), options, stopped));
        }

        double? bytesPerRequest = seeded > 0 ? (await seeder.UsedMemoryAsync() - memoryBefore) / (double)seeded : null;
        if (options.Includes("5"))
        {
            var creates = new AssistanceService.AssistanceServiceClient(suite.Gateway);
            var perCreate = await RedisCommandCount.PerCallAsync(redis.GetServers()[0], async () => await creates.CreateAssistanceRequestAsync(BenchmarkWrites.Create(course.Name)), CountedCreates);
            Console.WriteLine($"Redis commands per create of case 5 (INFO commandstats around {CountedCreates} creates, one at a time): {RedisCommandCount.Describe(perCreate)}");
        }

        Console.WriteLine($"Seeding {options.ChainPoolSize} requests UNDER_REVIEW for case 6 (through the API, for {options.ChainCallsPerSecond:0} chains/s)...");
        var chain = await ApprovalChainSeeder.SeedAsync(suite, options.ChainPoolSize);
        var unary = UnaryCases.All(suite, request.Name, course.Name, chain);
        var peaks = await MeasureAsync(unary, ClosedLoop(options), options, stopped);
        results.InsertRange(0, [.. peaks, .. await MeasureAtHalfOfPeakAsync(unary, peaks, options, stopped)]);
        results.AddRange(await MeasureAsync(GatewayCostCases.All(suite, request.Name), ClosedLoop(options), options, stopped));
        results.AddRange(await MeasureSteadyMixAsync(suite, request.Name, course.Name, options, stopped));
        results.AddRange(await MeasureApprovalAtScaleAsync(suite, options, stopped));
        results.AddRange(await MeasureCatalogueSearchAsync(suite, options, stopped));
        results.AddRange(await MeasureAllocationsAsync(suite, options, stopped));
        results.AddRange(await MeasureFilteredListingAsync(suite, options, stopped));
        results.AddRange(await MeasureReportsAsync(suite, redis, options, stopped));
        results.AddRange(await MeasureShortPagesAsync(suite, options, stopped));
        var portalPages = await MeasurePortalAsync(options);
        var iatiExports = options.IncludesGroup("14") ? await IatiExportWalk.MeasureAsync(options.IatiSizes) : [];

        IReadOnlyList<ProcessPeak> peakWorkingSets = [.. suite.Processes.Select(process => new ProcessPeak(process.Name, PeakMemory.MebibytesOf(process.ProcessId)))];
        var report = new BenchmarkReport(
            startedAt,
            MachineInfo.Now(loadAtStart),
            new BenchmarkSettings(options.Concurrency, options.SecondsPerRun, options.WarmupSeconds, options.Rounds, options.PageSize, LoadGenerator),
            WithRatios(results),
            stopped,
            [.. TargetChecks.Evaluate(WithRatios(results), options.Sizes, options.ApprovedCounts), .. TargetChecks.EvaluateReports(results, options.ReportSizes), .. TargetChecks.EvaluateFilteredPages(results, options.ShortPageCounts), .. TargetChecks.EvaluatePortal(portalPages), .. TargetChecks.EvaluateMemory(peakWorkingSets)],
            portalPages,
            iatiExports,
            bytesPerRequest,
            peakWorkingSets,
            options.Includes("6") ? new ChainPoolUse(chain.Requests.Seeded, chain.Requests.Used, options.ChainCallsPerSecond) : null);

        Console.WriteLine();
        Console.WriteLine(ReportWriter.Markdown(report));
        var (json, markdown) = await ReportWriter.WriteAsync(report, Path.Combine(RepositoryLayout.Root.FullName, options.OutputFolder));
        Console.WriteLine($"Written: {json} and {markdown}");
        return 0;
    }

    /// <summary>The course that creates refer to, and one request made by the service itself (read by case 4, copied by the seeder).</summary>
    private static async Task<(Course Course, AssistanceRequest Request)> CreateThroughTheApiAsync(BenchmarkSuite suite)
    {
        var course = (await new TrainingService.TrainingServiceClient(suite.Training).CreateCourseAsync(new CreateCourseRequest
        {
            Course = new Course
            {
                Title = "Electronic evidence and chain of custody",
                ThematicAreas = { Contracts.Common.V1.ThematicArea.ElectronicEvidence },
                Languages = { "en", "fr" },
                Level = CourseLevel.Foundation,
                TargetAudiences = { Contracts.Common.V1.TargetAudience.Investigators, Contracts.Common.V1.TargetAudience.Prosecutors },
                DeliveryMode = DeliveryMode.InPerson,
                DurationHours = 35,
                MaxClassSize = 25,
                Status = CourseStatus.Published,
            },
        })).Course;
        var request = (await new AssistanceService.AssistanceServiceClient(suite.Assistance).CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest
            {
                RequestingState = "GHA",
                Title = "E-evidence training for the cybercrime unit",
                Description = "Investigators of the Ghana Police Service need to handle electronic evidence so that courts admit it.",
                ThematicAreas = { Contracts.Common.V1.ThematicArea.ElectronicEvidence, Contracts.Common.V1.ThematicArea.ProceduralMeasures },
                Courses = { course.Name },
            },
        })).AssistanceRequest;
        return (course, request);
    }

    /// <summary>Case 13, open loop at <c>--SteadyCallsPerSecond</c>, after seeding the requests its approvals decide.</summary>
    private static async Task<List<CaseResult>> MeasureSteadyMixAsync(BenchmarkSuite suite, string requestName, string courseName, BenchmarkOptions options, List<PendingRow> stopped)
    {
        if (!options.IncludesGroup("13"))
        {
            return [];
        }

        Console.WriteLine($"Seeding {options.SteadyApprovalPoolSize} requests UNDER_REVIEW for case 13's approvals (through the API)...");
        // A state of its own: case 6's requests, approved before, are not this mix's approvals' overlaps.
        var approvals = (await ApprovalChainSeeder.SeedAsync(suite, options.SteadyApprovalPoolSize, "TZA")).Requests;
        return await MeasureAsync(
            SteadyMixCases.All(suite, requestName, courseName, approvals, options.SteadyCallsPerSecond),
            (benchmarkCase, duration) => OpenLoopLoad.RunAsync(benchmarkCase.Call, options.SteadyCallsPerSecond, duration),
            options,
            stopped);
    }

    /// <summary>
    /// Case 17, open loop at <c>--ApprovalCallsPerSecond</c>: for each count of <c>--ApprovedInState</c>,
    /// a state of its own holding that many approved requests (through the API), and a pool of its
    /// requests UNDER_REVIEW to approve.
    /// </summary>
    private static async Task<List<CaseResult>> MeasureApprovalAtScaleAsync(BenchmarkSuite suite, BenchmarkOptions options, List<PendingRow> stopped)
    {
        if (!options.IncludesGroup(ApprovalAtScaleCases.Group))
        {
            return [];
        }

        // States no other case files requests for, one per count.
        string[] countries = ["KEN", "SEN", "NPL", "PER"];
        var cases = new List<BenchmarkCase>();
        foreach (var (approved, country) in options.ApprovedCounts.Zip(countries))
        {
            Console.WriteLine($"Approving {approved} requests of {country} and seeding {options.ApprovalAtScalePoolSize} UNDER_REVIEW for case 17 (through the API)...");
            await ApprovalChainSeeder.ApproveSpreadAsync(suite, country, approved);
            var chain = await ApprovalChainSeeder.SeedAsync(suite, options.ApprovalAtScalePoolSize, country);
            cases.Add(ApprovalAtScaleCases.At(suite, approved, chain, options.ApprovalCallsPerSecond));
        }

        return await MeasureAsync(
            cases,
            (benchmarkCase, duration) => OpenLoopLoad.RunAsync(benchmarkCase.Call, options.ApprovalCallsPerSecond, duration),
            options,
            stopped);
    }

    /// <summary>Case 8, after seeding training's catalogue (seeded last, so that no earlier case reads a larger catalogue).</summary>
    private static async Task<List<CaseResult>> MeasureCatalogueSearchAsync(BenchmarkSuite suite, BenchmarkOptions options, List<PendingRow> stopped)
    {
        if (!options.IncludesGroup("8"))
        {
            return [];
        }

        Console.WriteLine($"Seeding {options.CatalogueSize} courses for case 8 (through the API)...");
        await CourseSeeder.SeedAsync(suite, options.CatalogueSize);
        return await MeasureAsync(CatalogueSearchCases.Over(suite, options.CatalogueSize), ClosedLoop(options), options, stopped);
    }

    /// <summary>Case 9, then the check that the pledges gave exactly what was allocated.</summary>
    private static async Task<List<CaseResult>> MeasureAllocationsAsync(BenchmarkSuite suite, BenchmarkOptions options, List<PendingRow> stopped)
    {
        if (!options.IncludesGroup("9"))
        {
            return [];
        }

        Console.WriteLine("Seeding an approved request and pledges for case 9 (through the API)...");
        var allocations = await AllocationCases.SeedAsync(suite);
        var results = await MeasureAsync(allocations.All, ClosedLoop(options), options, stopped);
        await allocations.EnsureNothingDriftedAsync();
        return results;
    }

    /// <summary>Cases 15 and 18 at each stored count of allocations, seeded through funding's API so that the totals move as in production.</summary>
    private static async Task<List<CaseResult>> MeasureReportsAsync(BenchmarkSuite suite, IConnectionMultiplexer redis, BenchmarkOptions options, List<PendingRow> stopped)
    {
        var results = new List<CaseResult>();
        if (!options.IncludesGroup("15") && !options.IncludesGroup("18"))
        {
            return results;
        }

        var seeder = await ReportSeeder.StartAsync(suite, redis);
        foreach (var size in options.ReportSizes)
        {
            Console.WriteLine($"Seeding to {size} allocations over {Math.Max(1, size / 10)} approved requests for cases 15 and 18 (allocations through the API)...");
            await seeder.SeedUntilAsync(size);
            results.AddRange(await MeasureAsync(ReportCases.At(suite, size, seeder.Request, seeder.DonorId), ClosedLoop(options), options, stopped));
        }

        return results;
    }

    /// <summary>Case 10 at each stored count, on an assistance process and redis-server of its own.</summary>
    private static async Task<List<CaseResult>> MeasureFilteredListingAsync(BenchmarkSuite suite, BenchmarkOptions options, List<PendingRow> stopped)
    {
        var results = new List<CaseResult>();
        if (!options.IncludesGroup("10"))
        {
            return results;
        }

        var separateAssistance = await suite.StartSeparateAssistanceAsync();
        var seeder = new VariedRequestSeeder(separateAssistance);
        foreach (var size in options.FilteredSizes)
        {
            Console.WriteLine($"Storing {ListingCases.Count(size)} varied requests for case 10 (through the API)...");
            await seeder.SeedUntilAsync(size);
            results.AddRange(await MeasureAsync(await FilteredListingCases.AtAsync(separateAssistance, size, options.PageSize), ClosedLoop(options), options, stopped));
        }

        return results;
    }

    /// <summary>
    /// Case 16 on an assistance process and redis-server of its own: varied requests stored
    /// through the API up to the smallest count, the deep page of each listing found there, then
    /// the store grown by copies to each larger count.
    /// </summary>
    private static async Task<List<CaseResult>> MeasureShortPagesAsync(BenchmarkSuite suite, BenchmarkOptions options, List<PendingRow> stopped)
    {
        var results = new List<CaseResult>();
        if (!options.IncludesGroup("16"))
        {
            return results;
        }

        var (separateAssistance, redisServer) = await suite.StartSeparateAssistanceOnRedisAsync();
        var sizes = options.ShortPageCounts.Order().ToList();
        Console.WriteLine($"Storing {ListingCases.Count(sizes[0])} varied requests for case 16 (through the API)...");
        await new VariedRequestSeeder(separateAssistance).SeedUntilAsync(sizes[0]);
        var deepTokens = await ShortPageCases.DeepTokensAsync(separateAssistance, options.PageSize);
        // Admin mode to list the index keys; a long timeout, as each batch of copies is tens of thousands of writes.
        using var redis = await ConnectionMultiplexer.ConnectAsync(redisServer.ConnectionString + ",allowAdmin=true,asyncTimeout=60000,syncTimeout=60000");
        var copies = new IndexedCopySeeder(redis);
        foreach (var size in sizes)
        {
            Console.WriteLine($"Growing case 16's store to {ListingCases.Count(size)} requests (pipelined copies)...");
            await copies.SeedUntilAsync(size);
            results.AddRange(await MeasureAsync(ShortPageCases.At(separateAssistance, size, options.PageSize, deepTokens), ClosedLoop(options), options, stopped));
        }

        return results;
    }

    /// <summary>
    /// Case 11 on a suite of its own with the portal: the demo data loaded through the gateway as
    /// run.sh loads it, every page measured, then requests stored through the API as case 10
    /// stores them (countries, themes and types spread) up to <c>--PortalStoredRequests</c>, and
    /// every page measured again.
    /// </summary>
    private static async Task<List<PortalPageResult>> MeasurePortalAsync(BenchmarkOptions options)
    {
        if (!options.IncludesGroup("11"))
        {
            return [];
        }

        Console.WriteLine("Starting a suite of its own with the portal for case 11, and loading the demo data...");
        await using var portalSuite = await BenchmarkSuite.StartWithPortalAsync();
        await new DemoDataLoader(portalSuite.Gateway, Console.Out).LoadAsync(DemoFiles.Read(Path.Combine(AppContext.BaseDirectory, "Data")), CancellationToken.None);
        var pages = new PortalPageCases(portalSuite.GatewayRestAddress, options.PortalSamples);
        var results = await pages.MeasureAsync("demo");
        if (options.PortalStoredRequests > 0)
        {
            Console.WriteLine($"Storing {options.PortalStoredRequests} more requests for case 11 (through the API)...");
            await new VariedRequestSeeder(portalSuite.Assistance).SeedUntilAsync(options.PortalStoredRequests);
            results.AddRange(await pages.MeasureAsync(ListingCases.Count(options.PortalStoredRequests)));
        }

        return results;
    }

    /// <summary>A closed loop with the case's own callers, or the run's <c>--Concurrency</c>.</summary>
    private static Func<BenchmarkCase, TimeSpan, Task<LatencySample>> ClosedLoop(BenchmarkOptions options) =>
        (benchmarkCase, duration) => new ClosedLoopLoad(benchmarkCase.Callers ?? options.Concurrency).RunAsync(benchmarkCase.Call, duration);

    /// <summary>
    /// Each unary case again, open loop at half the calls per second its closed loop reached:
    /// the latency a user sees when the suite is busy but not saturated. Warmed up like the
    /// closed loop: the first open-loop run of a case used to fall behind its rate while the
    /// pacing code was still unoptimised, and never caught up.
    /// </summary>
    private static async Task<List<CaseResult>> MeasureAtHalfOfPeakAsync(
        IReadOnlyList<BenchmarkCase> cases, List<CaseResult> peaks, BenchmarkOptions options, List<PendingRow> stopped)
    {
        var halfRates = peaks.ToDictionary(peak => peak.Id, peak => Math.Max(1, peak.Median.CallsPerSecond / 2));
        var atHalf = cases.Where(benchmarkCase => halfRates.ContainsKey(benchmarkCase.Id))
            .Select(benchmarkCase => new BenchmarkCase(
                benchmarkCase.Id + HalfOfPeakSuffix,
                $"{benchmarkCase.Name}, half of peak",
                FormattableString.Invariant($"open loop, {halfRates[benchmarkCase.Id]:0} calls/s offered"),
                benchmarkCase.Call,
                OfferedCallsPerSecond: halfRates[benchmarkCase.Id]))
            .ToList();
        return await MeasureAsync(
            atHalf,
            (benchmarkCase, duration) => OpenLoopLoad.RunAsync(benchmarkCase.Call, halfRates[benchmarkCase.Id[..^HalfOfPeakSuffix.Length]], duration),
            options,
            stopped);
    }

    /// <summary>
    /// Warms every case up, then runs rounds over all of them, alternating their order, and keeps
    /// each case's medians. A case that stops (<see cref="CaseStoppedException"/>) leaves the
    /// rounds and goes to <paramref name="stopped"/> with its reason, none of its runs counted.
    /// </summary>
    private static async Task<List<CaseResult>> MeasureAsync(
        IReadOnlyList<BenchmarkCase> allCases, Func<BenchmarkCase, TimeSpan, Task<LatencySample>> run, BenchmarkOptions options, List<PendingRow> stopped)
    {
        var cases = allCases.Where(benchmarkCase => options.Includes(benchmarkCase.Id)).ToList();
        async Task<LatencySample?> RunUnlessStoppedAsync(BenchmarkCase benchmarkCase, double seconds, string when)
        {
            try
            {
                await using var allocations = benchmarkCase.CpuOf is { } allocating ? ProcessAllocations.Watch(allocating) : null;
                var cpuBefore = benchmarkCase.CpuOf is { } watched ? ProcessCpu.MicrosecondsOf(watched) : null;
                var sample = await run(benchmarkCase, TimeSpan.FromSeconds(seconds));
                var cpuAfter = benchmarkCase.CpuOf is { } measured ? ProcessCpu.MicrosecondsOf(measured) : null;
                var allocated = allocations is null ? (long?)null : await allocations.StopAsync();
                return sample.Calls > 0
                    ? sample with { CpuMicrosecondsPerCall = cpuAfter - cpuBefore is { } cpu ? cpu / sample.Calls : null, AllocatedBytesPerCall = (double?)allocated / sample.Calls }
                    : sample;
            }
            catch (CaseStoppedException stop)
            {
                var reason = $"stopped in {when}: {stop.Message}";
                Console.WriteLine($"  {benchmarkCase.Id} {reason}");
                stopped.Add(new PendingRow(benchmarkCase.Id, benchmarkCase.Name, reason));
                cases.Remove(benchmarkCase);
                return null;
            }
        }

        foreach (var benchmarkCase in cases.ToList())
        {
            Console.WriteLine($"  warm-up {benchmarkCase.Id} {benchmarkCase.Name}");
            await RunUnlessStoppedAsync(benchmarkCase, options.WarmupSeconds, "warm-up");
        }

        var runs = cases.ToDictionary(benchmarkCase => benchmarkCase.Id, _ => new List<LatencySample>());
        for (var round = 0; round < options.Rounds; round++)
        {
            var order = round % 2 == 0 ? cases.ToList() : Enumerable.Reverse(cases).ToList();
            foreach (var benchmarkCase in order)
            {
                if (await RunUnlessStoppedAsync(benchmarkCase, options.SecondsPerRun, $"round {round + 1}/{options.Rounds}") is not { } sample)
                {
                    continue;
                }

                runs[benchmarkCase.Id].Add(sample);
                var cpu = sample.CpuMicrosecondsPerCall is { } perCall ? FormattableString.Invariant($"  cpu {perCall,6:0.0} µs/call") : "";
                cpu += sample.AllocatedBytesPerCall is { } bytes ? FormattableString.Invariant($"  {bytes,7:0} B/call") : "";
                Console.WriteLine(FormattableString.Invariant(
                    $"  round {round + 1}/{options.Rounds} {benchmarkCase.Id,-8} {sample.CallsPerSecond,8:0} calls/s  p50 {sample.P50Ms,7:0.00} ms  p99 {sample.P99Ms,7:0.00} ms  errors {sample.Errors}{cpu}"));
            }
        }

        return [.. cases.Select(benchmarkCase => new CaseResult(
            benchmarkCase.Id, benchmarkCase.Name, benchmarkCase.Path, LatencySample.MedianOf(runs[benchmarkCase.Id]), runs[benchmarkCase.Id], benchmarkCase.ComparedWith, benchmarkCase.TargetRatio, benchmarkCase.OfferedCallsPerSecond, null, benchmarkCase.CpuTargetRatio))];
    }

    private static List<CaseResult> WithRatios(List<CaseResult> results)
    {
        var medians = results.ToDictionary(result => result.Id, result => result.Median);
        return [.. results.Select(result => result.ComparedWith is { } other && medians.TryGetValue(other, out var reference)
            ? result with
            {
                Ratio = result.Median.CallsPerSecond / reference.CallsPerSecond,
                CpuRatio = result.Median.CpuMicrosecondsPerCall / reference.CpuMicrosecondsPerCall,
            }
            : result)];
    }
}
