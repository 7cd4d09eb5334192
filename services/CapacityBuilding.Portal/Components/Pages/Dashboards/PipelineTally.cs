using CapacityBuilding.Contracts.Assistance.V1;

namespace CapacityBuilding.Portal.Components.Pages.Dashboards;

/// <summary>
/// The requests the assistance service lists for the signed-in user, counted by state and by
/// requesting country for display. The service has no count rpc, so this reads the list (newest
/// first) a page at a time, up to <see cref="MaxRequests"/>, and says when it stopped short.
/// </summary>
public sealed record PipelineTally(IReadOnlyDictionary<AssistanceRequest.Types.State, int> ByState, IReadOnlyDictionary<string, int> ByCountry, int Counted, bool Complete)
{
    /// <summary>Enough for the programme's years of requests; bounds the page's time when there are many more.</summary>
    public const int MaxRequests = 5000;

    // The service's largest page.
    private const int PageSize = 500;

    public static async Task<PipelineTally> CountAsync(AssistanceService.AssistanceServiceClient assistance, CancellationToken cancellationToken)
    {
        var byState = new Dictionary<AssistanceRequest.Types.State, int>();
        var byCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        var counted = 0;
        var pageToken = "";
        do
        {
            var page = await assistance.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = PageSize, PageToken = pageToken }, cancellationToken: cancellationToken);
            foreach (var request in page.AssistanceRequests)
            {
                byState[request.State] = byState.GetValueOrDefault(request.State) + 1;
                byCountry[request.RequestingState] = byCountry.GetValueOrDefault(request.RequestingState) + 1;
            }

            counted += page.AssistanceRequests.Count;
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0 && counted < MaxRequests);

        return new PipelineTally(byState, byCountry, counted, pageToken.Length == 0);
    }
}
