using CapacityBuilding.Contracts.Assistance.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Components;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>Reading the request a page's address names.</summary>
public static class RequestReads
{
    /// <summary>
    /// The request, as the service lets the caller see it; or null, with the not-found page
    /// rendered instead (Blazor's <see cref="NavigationManager.NotFound"/>, a 404), when the
    /// service answers NOT_FOUND (another country's request) or finds the name malformed (an
    /// address no request can have).
    /// </summary>
    public static async Task<AssistanceRequest?> GetAsync(AssistanceService.AssistanceServiceClient client, string name, NavigationManager navigation)
    {
        try
        {
            return (await client.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest;
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            navigation.NotFound();
            return null;
        }
    }
}
