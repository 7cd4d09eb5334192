using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>Case 7: the first page and a deep page (the last full page) of ListAssistanceRequests at one stored count.</summary>
internal static class ListingCases
{
    public static IReadOnlyList<BenchmarkCase> At(BenchmarkSuite suite, int storedRequests, int pageSize, string deepPageToken)
    {
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Assistance);
        var first = new ListAssistanceRequestsRequest { PageSize = pageSize };
        var deep = new ListAssistanceRequestsRequest { PageSize = pageSize, PageToken = deepPageToken };
        var label = Count(storedRequests);
        return
        [
            new($"7a@{label}", $"List first page, {label} stored", "client -> assistance -> Redis", async () => await assistance.ListAssistanceRequestsAsync(first)),
            new($"7b@{label}", $"List deep page, {label} stored", "client -> assistance -> Redis", async () => await assistance.ListAssistanceRequestsAsync(deep)),
        ];
    }

    public static string Count(int value) => value switch
    {
        >= 1_000_000 when value % 1_000_000 == 0 => $"{value / 1_000_000}M",
        >= 1_000 when value % 1_000 == 0 => $"{value / 1_000}k",
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
