using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using Grpc.Core;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;

namespace CapacityBuilding.Funding.Clients;

/// <summary>
/// The outcomes (results with indicators) of assistance requests, read from the assistance service
/// as the funding service itself for the IATI export's <c>result</c> elements. A request gone
/// since its page was read has none; assistance being away is the invocation layer's
/// <see cref="Extensions.FundingApp.AssistanceUnreachable"/>, and the export fails rather than
/// publishing activities without their results.
/// </summary>
public sealed class RequestOutcomes(ServiceClientFactory<AssistanceClient> assistance)
{
    /// <summary>Outcomes per request name, oldest first, read a few requests at a time.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Outcome>>> OfAsync(IEnumerable<string> requestNames, CancellationToken cancellationToken)
    {
        var client = assistance.Create();
        var byRequest = new Dictionary<string, IReadOnlyList<Outcome>>(StringComparer.Ordinal);
        foreach (var batch in requestNames.Chunk(16))
        {
            var outcomes = await Task.WhenAll(batch.Select(name => AllOfAsync(client, name, cancellationToken)));
            for (var i = 0; i < batch.Length; i++)
            {
                byRequest[batch[i]] = outcomes[i];
            }
        }

        return byRequest;
    }

    private static async Task<IReadOnlyList<Outcome>> AllOfAsync(AssistanceClient client, string requestName, CancellationToken cancellationToken)
    {
        var all = new List<Outcome>();
        var pageToken = string.Empty;
        try
        {
            do
            {
                var page = await client.ListOutcomesAsync(
                    new ListOutcomesRequest { Parent = requestName, PageSize = 500, PageToken = pageToken }, cancellationToken: cancellationToken);
                all.AddRange(page.Outcomes);
                pageToken = page.NextPageToken;
            }
            while (pageToken.Length > 0);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return [];
        }

        return all;
    }
}
