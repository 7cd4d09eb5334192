namespace CapacityBuilding.Benchmarks;

/// <summary>Command-line options (<c>--Concurrency 16 --Rounds 3 ...</c>), bound by the configuration binder.</summary>
internal sealed class BenchmarkOptions
{
    /// <summary>Calls in flight at any time, on shared HTTP/2 channels.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>How long one case runs in one round.</summary>
    public double SecondsPerRun { get; set; } = 5;

    /// <summary>Unmeasured time per case before the first round (JIT, connection pools, caches).</summary>
    public double WarmupSeconds { get; set; } = 2;

    /// <summary>Rounds over all cases, alternating them; the table shows the median over rounds.</summary>
    public int Rounds { get; set; } = 3;

    /// <summary>Stored request counts at which List is measured (case 7), comma-separated.</summary>
    public string ListSizes { get; set; } = "1000,100000,1000000";

    /// <summary>Stored request counts at which the filtered listings are measured (case 10), comma-separated.</summary>
    public string FilteredListSizes { get; set; } = "1000,100000";

    /// <summary>
    /// Stored request counts at which the filtered first and deep pages are measured (case 16),
    /// comma-separated: the smallest stored through the API, the others grown by copies.
    /// </summary>
    public string ShortPageSizes { get; set; } = "1000,1000000";

    /// <summary>Courses in training's catalogue for the searches (case 8).</summary>
    public int CatalogueSize { get; set; } = 10_000;

    /// <summary>Stored requests for the portal's second run (case 11), after the one with the demo data alone; 0 skips it.</summary>
    public int PortalStoredRequests { get; set; } = 100_000;

    /// <summary>Loads of each portal page timed one at a time (case 11), for its p50 and p95.</summary>
    public int PortalSamples { get; set; } = 50;

    /// <summary>Funded, published requests at which every page of the IATI export is walked (case 14), comma-separated.</summary>
    public string IatiExportSizes { get; set; } = "1000,10000,100000";

    /// <summary>Stored allocations (over a tenth as many requests) at which the funding reports are timed (case 15), comma-separated.</summary>
    public string ReportAllocationCounts { get; set; } = "100,100000";

    /// <summary>Page size of the List calls.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Where the JSON and Markdown reports go, relative to the repository root.</summary>
    public string OutputFolder { get; set; } = ".bench";

    /// <summary>Only these cases (comma-separated ids such as <c>3</c> or <c>7b</c>), e.g. to profile one; all when empty.</summary>
    public string Only { get; set; } = "";

    /// <summary>
    /// The most approve -> allocate chains per second (case 6) the run should be ready for: each
    /// chain uses up one request seeded UNDER_REVIEW, and the pool is sized from this rate.
    /// </summary>
    public double ChainCallsPerSecond { get; set; } = 2500;

    /// <summary>
    /// Requests to seed UNDER_REVIEW for case 6: its closed-loop warm-up and rounds at
    /// <see cref="ChainCallsPerSecond"/>, plus its open-loop warm-up and rounds at half that rate.
    /// </summary>
    public int ChainPoolSize => Includes("6")
        ? (int)Math.Ceiling(ChainCallsPerSecond * 1.5 * (WarmupSeconds + (Rounds * SecondsPerRun)))
        : 0;

    /// <summary>The fixed, moderate rate at which case 13 offers its calls, the no-op and the mix alike.</summary>
    public double SteadyCallsPerSecond { get; set; } = 200;

    /// <summary>Requests to seed UNDER_REVIEW for case 13's approvals (a tenth of its calls), with a fifth to spare.</summary>
    public int SteadyApprovalPoolSize => IncludesGroup("13")
        ? (int)Math.Ceiling(SteadyCallsPerSecond * Cases.SteadyMixCases.ApprovalShare * 1.2 * (WarmupSeconds + (Rounds * SecondsPerRun)))
        : 0;

    /// <summary>Approved requests of the state each of case 17's runs approves in, comma-separated: few, then many.</summary>
    public string ApprovedInState { get; set; } = "10,10000";

    /// <summary>The fixed, moderate rate at which case 17 offers its approve -> allocate chains.</summary>
    public double ApprovalCallsPerSecond { get; set; } = 20;

    /// <summary>Requests to seed UNDER_REVIEW for each of case 17's runs, with a fifth to spare.</summary>
    public int ApprovalAtScalePoolSize => IncludesGroup(Cases.ApprovalAtScaleCases.Group)
        ? (int)Math.Ceiling(ApprovalCallsPerSecond * 1.2 * (WarmupSeconds + (Rounds * SecondsPerRun)))
        : 0;

    public IReadOnlyList<int> ApprovedCounts => Counts(ApprovedInState);

    public IReadOnlyList<int> Sizes => Counts(ListSizes);

    public IReadOnlyList<int> FilteredSizes => Counts(FilteredListSizes);

    public IReadOnlyList<int> IatiSizes => Counts(IatiExportSizes);

    public IReadOnlyList<int> ReportSizes => Counts(ReportAllocationCounts);

    public IReadOnlyList<int> ShortPageCounts => Counts(ShortPageSizes);

    /// <summary>
    /// Whether <paramref name="caseId"/> runs: named in <see cref="Only"/> as itself, as a case
    /// at every stored count (<c>7b</c> for <c>7b@1k</c>), or as its group (<c>8</c> for <c>8a</c>).
    /// </summary>
    public bool Includes(string caseId) =>
        Only.Length == 0 || Only.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(id => caseId == id || caseId.StartsWith(id + "@", StringComparison.Ordinal) || GroupOf(caseId) == id);

    /// <summary>Whether any case of <paramref name="group"/> (<c>8</c> for <c>8a</c> to <c>8g</c>) runs, so that its seeding is needed.</summary>
    public bool IncludesGroup(string group) =>
        Only.Length == 0 || Only.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(id => GroupOf(id) == group);

    /// <summary>The number a case id starts with: <c>10</c> for <c>10a@1k</c>.</summary>
    private static string GroupOf(string caseId) => new([.. caseId.TakeWhile(char.IsAsciiDigit)]);

    private static int[] Counts(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
}
