using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 16 (issue 19, target 3): filtered listings of ListAssistanceRequests at 1k and 1M stored
/// requests, the first page and a deep page of each, one call at a time; each is compared with
/// itself at the smallest count (<see cref="Reporting.TargetChecks"/>). The deep page is the last
/// full page found at the smallest count: the large store is grown by copies newer than every
/// original (<see cref="Seeding.IndexedCopySeeder"/>), so the same token still starts a page
/// among the originals. Every page is also checked to be full when it carries a next-page token.
/// </summary>
internal static class ShortPageCases
{
    /// <summary>
    /// The varied requests (<see cref="Seeding.VariedRequestSeeder"/>) give every GHA request the
    /// type LEGISLATIVE_DRAFTING: country=GHA and type=TRAINING are each an eighth of the store and
    /// never meet, the worst case, where a page walks the whole country index to find nothing.
    /// </summary>
    private static readonly (string Id, string Name, Func<ListAssistanceRequestsRequest> Listing)[] Listings =
    [
        ("16a", "newest first, country=GHA", () => new ListAssistanceRequestsRequest { RequestingState = "GHA" }),
        ("16b", "priority first, country=GHA & DAC eligible", () => new ListAssistanceRequestsRequest { OrderBy = "priority_score desc", RequestingState = "GHA", DacEligible = true }),
        ("16c", "priority first, state=DRAFT & theme=legislation", () => new ListAssistanceRequestsRequest
            { OrderBy = "priority_score desc", State = AssistanceRequest.Types.State.Draft, ThematicArea = ThematicArea.Legislation }),
        ("16d", "newest first, country=GHA & type=TRAINING (common filters that never meet)", () => new ListAssistanceRequestsRequest
            { RequestingState = "GHA", AssistanceType = AssistanceType.Training }),
        ("16e", "priority first, country=GHA & type=TRAINING (common filters that never meet)", () => new ListAssistanceRequestsRequest
            { OrderBy = "priority_score desc", RequestingState = "GHA", AssistanceType = AssistanceType.Training }),
    ];

    /// <summary>The last full page of each listing at the smallest count, found by walking it there; empty for a listing of at most one page.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DeepTokensAsync(GrpcChannel assistanceChannel, int pageSize)
    {
        var assistance = new AssistanceService.AssistanceServiceClient(assistanceChannel);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, _, listing) in Listings)
        {
            var request = listing();
            request.PageSize = pageSize;
            var lastFull = "";
            while (true)
            {
                var page = await assistance.ListAssistanceRequestsAsync(request);
                EnsureFull(id, page, pageSize);
                if (page.NextPageToken.Length == 0)
                {
                    break;
                }

                lastFull = request.PageToken;
                request.PageToken = page.NextPageToken;
            }

            tokens[id] = lastFull;
        }

        return tokens;
    }

    public static IReadOnlyList<BenchmarkCase> At(GrpcChannel assistanceChannel, int storedRequests, int pageSize, IReadOnlyDictionary<string, string> deepTokens)
    {
        var assistance = new AssistanceService.AssistanceServiceClient(assistanceChannel);
        var label = ListingCases.Count(storedRequests);
        var cases = new List<BenchmarkCase>();
        foreach (var (id, name, listing) in Listings)
        {
            cases.Add(Case($"{id}.first@{label}", $"List {name}, first page, {label} stored", ""));
            if (deepTokens[id].Length > 0)
            {
                cases.Add(Case($"{id}.deep@{label}", $"List {name}, deep page, {label} stored", deepTokens[id]));
            }

            BenchmarkCase Case(string caseId, string caseName, string token) => new(
                caseId,
                caseName,
                "client -> assistance -> Redis",
                async () =>
                {
                    var request = listing();
                    request.PageSize = pageSize;
                    request.PageToken = token;
                    EnsureFull(caseId, await assistance.ListAssistanceRequestsAsync(request), pageSize);
                },
                Callers: 1);
        }

        return cases;
    }

    /// <summary>Fails the call (counted as an error by the load) when a page with a next-page token is short: the target itself.</summary>
    private static void EnsureFull(string caseId, ListAssistanceRequestsResponse page, int pageSize)
    {
        if (page.NextPageToken.Length > 0 && page.AssistanceRequests.Count < pageSize)
        {
            throw new InvalidOperationException($"{caseId}: a page of {page.AssistanceRequests.Count} of {pageSize} with a next-page token.");
        }
    }
}
