using CapacityBuilding.Contracts.Assistance.V1;
using Grpc.Net.Client;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 10: typical listings of ListAssistanceRequests (filters and orders as the portal asks
/// them), each call on a page at a random depth, one call at a time, over requests of varied
/// content stored through the API (<see cref="Seeding.VariedRequestSeeder"/>). Case 7 measures the
/// unfiltered listing at its ends; this one measures what the filters cost anywhere in between.
/// </summary>
internal static class FilteredListingCases
{
    private static readonly (string Id, string Name, Func<ListAssistanceRequestsRequest> Listing)[] Listings =
    [
        ("10a", "newest first, no filter", () => new ListAssistanceRequestsRequest()),
        ("10b", "newest first, country=GHA", () => new ListAssistanceRequestsRequest { RequestingState = "GHA" }),
        ("10c", "newest first, country=GHA & theme & DAC", () => new ListAssistanceRequestsRequest
            { RequestingState = "GHA", ThematicArea = Contracts.Common.V1.ThematicArea.ElectronicEvidence, DacEligible = true }),
        ("10d", "priority first, state=DRAFT", () => new ListAssistanceRequestsRequest { OrderBy = "priority_score desc", State = State.Draft }),
    ];

    /// <summary>The cases at one stored count; reads every page token of each listing first, so that calls can start at any depth.</summary>
    public static async Task<IReadOnlyList<BenchmarkCase>> AtAsync(GrpcChannel separateAssistance, int storedRequests, int pageSize)
    {
        var assistance = new AssistanceService.AssistanceServiceClient(separateAssistance);
        var label = ListingCases.Count(storedRequests);
        var cases = new List<BenchmarkCase>();
        foreach (var (id, name, listing) in Listings)
        {
            var tokens = await PageTokensAsync(assistance, listing, pageSize);
            cases.Add(new BenchmarkCase(
                $"{id}@{label}",
                $"List {name}, random depth, {label} stored",
                "client -> assistance -> Redis",
                async () =>
                {
                    var request = listing();
                    request.PageSize = pageSize;
                    request.PageToken = tokens[Random.Shared.Next(tokens.Count)];
                    await assistance.ListAssistanceRequestsAsync(request);
                },
                Callers: 1));
        }

        return cases;
    }

    /// <summary>The tokens of every page of the listing (the first page's is empty).</summary>
    private static async Task<List<string>> PageTokensAsync(
        AssistanceService.AssistanceServiceClient assistance, Func<ListAssistanceRequestsRequest> listing, int pageSize)
    {
        var tokens = new List<string> { "" };
        var request = listing();
        request.PageSize = pageSize;
        while (true)
        {
            var page = await assistance.ListAssistanceRequestsAsync(request);
            if (page.NextPageToken.Length == 0)
            {
                return tokens;
            }

            tokens.Add(page.NextPageToken);
            request.PageToken = page.NextPageToken;
        }
    }
}
