using CapacityBuilding.Contracts.Assistance.V1;
using Grpc.Core;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>Reading the request a page's address names.</summary>
public static class RequestReads
{
    /// <summary>
    /// The request, as the service lets the caller see it. Another country's request is NOT_FOUND
    /// (the service's answer), and so is an address that no request can have (the service finds
    /// the name malformed): both end on the not-found page.
    /// </summary>
    public static async Task<AssistanceRequest> GetAsync(AssistanceService.AssistanceServiceClient client, string name)
    {
        try
        {
            return (await client.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.InvalidArgument)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "No request has this address."), exception.Trailers);
        }
    }
}
