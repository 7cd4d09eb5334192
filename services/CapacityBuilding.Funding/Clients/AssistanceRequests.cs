using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;
using Grpc.Core;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Funding.Clients;

/// <summary>
/// Assistance requests as the funding service sees them, read from the assistance service through
/// the invocation layer. A missing request is NOT_FOUND for our caller; assistance being away is
/// the invocation layer's <see cref="Extensions.FundingApp.AssistanceUnreachable"/>, and then nothing was written.
/// </summary>
public sealed class AssistanceRequests(ServiceClientFactory<AssistanceClient> assistance, ApiErrors errors)
{
    public const string ResourceType = "AssistanceRequest";

    /// <summary>Assistance's <c>order_by</c> for highest priority first, then newest.</summary>
    private const string PriorityOrder = "priority_score desc";

    /// <summary>The largest page assistance serves.</summary>
    private const int MaxPageSize = 500;

    public async Task<AssistanceRequest> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await assistance.Create().GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name }, cancellationToken: cancellationToken);
            return response.AssistanceRequest;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            throw errors.NotFound(ResourceType, name);
        }
    }

    /// <summary>
    /// Every request in one of <paramref name="states"/>, page by page (for programme summaries):
    /// yielded as each page comes, so a call holds one page, not every request.
    /// </summary>
    public async IAsyncEnumerable<AssistanceRequest> ListInStatesAsync(
        IEnumerable<State> states, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var state in states)
        {
            await foreach (var request in ListInStateAsync(state, "", MaxPageSize, cancellationToken))
            {
                yield return request;
            }
        }
    }

    /// <summary>
    /// Every request in one of <paramref name="states"/>, highest <c>priority_score</c> first (each
    /// state's listing in assistance's priority order, merged as the pages come), so that a caller
    /// ranking by priority stops reading once the priorities it still needs are passed. Requests
    /// of the same priority come in no particular order; a request that moves between two of the
    /// states while they are read is yielded once at most. Each listing's first page holds
    /// <paramref name="firstPageSize"/> requests and every next one twice as many, up to 500: a
    /// caller that stops early reads little more than it uses, one that reads on makes few calls.
    /// </summary>
    public async IAsyncEnumerable<AssistanceRequest> ListInStatesByPriorityAsync(
        IEnumerable<State> states, int firstPageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listings = new List<IAsyncEnumerator<AssistanceRequest>>();
        try
        {
            foreach (var state in states)
            {
                var listing = ListInStateAsync(state, PriorityOrder, firstPageSize, cancellationToken).GetAsyncEnumerator(cancellationToken);
                listings.Add(listing);
                if (!await listing.MoveNextAsync())
                {
                    listings.Remove(listing);
                    await listing.DisposeAsync();
                }
            }

            var yielded = new HashSet<string>(StringComparer.Ordinal);
            while (listings.Count > 0)
            {
                var highest = listings.MaxBy(listing => listing.Current.PriorityScore)!;
                if (yielded.Add(highest.Current.Name))
                {
                    yield return highest.Current;
                }

                if (!await highest.MoveNextAsync())
                {
                    listings.Remove(highest);
                    await highest.DisposeAsync();
                }
            }
        }
        finally
        {
            foreach (var listing in listings)
            {
                await listing.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Every request in <paramref name="state"/>, in the order <paramref name="orderBy"/> names
    /// (assistance's default when empty), the first page of <paramref name="firstPageSize"/>, each
    /// next one twice as large, up to 500.
    /// </summary>
    private async IAsyncEnumerable<AssistanceRequest> ListInStateAsync(
        State state, string orderBy, int firstPageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = assistance.Create();
        var pageToken = string.Empty;
        var pageSize = Math.Clamp(firstPageSize, 1, MaxPageSize);
        do
        {
            var page = await client.ListAssistanceRequestsAsync(
                new ListAssistanceRequestsRequest { State = state, OrderBy = orderBy, PageSize = pageSize, PageToken = pageToken }, cancellationToken: cancellationToken);
            pageSize = Math.Min(2 * pageSize, MaxPageSize);
            foreach (var request in page.AssistanceRequests)
            {
                yield return request;
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);
    }

    /// <summary>
    /// The budgets of the funded requests summed per group and currency, read in one call (assistance
    /// keeps the sums as requests change). Sums beyond google.type.Money are refused there, and here
    /// as ours: FAILED_PRECONDITION, TOTAL_OUT_OF_RANGE.
    /// </summary>
    public async Task<GetBudgetTotalsResponse> GetBudgetTotalsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await assistance.Create().GetBudgetTotalsAsync(new GetBudgetTotalsRequest(), cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
        {
            throw errors.FailedPrecondition(ErrorReasons.TotalOutOfRange,
                "The budgets add up to more than google.type.Money can carry (units are 64-bit); the figures cannot be given exactly.");
        }
    }

    /// <summary>The requests with these names that still exist, read a few at a time (for the export).</summary>
    public async Task<IReadOnlyList<AssistanceRequest>> GetManyAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var found = new List<AssistanceRequest>();
        foreach (var batch in names.Chunk(16))
        {
            var requests = await Task.WhenAll(batch.Select(async name =>
            {
                try
                {
                    return await GetAsync(name, cancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
                {
                    return null;
                }
            }));
            found.AddRange(requests.OfType<AssistanceRequest>());
        }

        return found;
    }
}
