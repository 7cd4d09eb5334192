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
        var client = assistance.Create();
        foreach (var state in states)
        {
            var pageToken = string.Empty;
            do
            {
                var page = await client.ListAssistanceRequestsAsync(
                    new ListAssistanceRequestsRequest { State = state, PageSize = 500, PageToken = pageToken }, cancellationToken: cancellationToken);
                foreach (var request in page.AssistanceRequests)
                {
                    yield return request;
                }

                pageToken = page.NextPageToken;
            }
            while (pageToken.Length > 0);
        }
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
