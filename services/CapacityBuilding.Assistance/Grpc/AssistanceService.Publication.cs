using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>The requesting state's consent to publish its request (<see cref="Domain.Requests.PublicationConsents"/>).</summary>
public sealed partial class AssistanceService
{
    public override async Task<SetAssistanceRequestPublicationConsentResponse> SetAssistanceRequestPublicationConsent(
        SetAssistanceRequestPublicationConsentRequest request, ServerCallContext context)
    {
        var stored = await publicationConsents.SetAsync(request.Name, request.Publish, request.WithheldFields, request.Etag, context.GetCaller());
        return new SetAssistanceRequestPublicationConsentResponse { AssistanceRequest = stored.ToMessage() };
    }
}
