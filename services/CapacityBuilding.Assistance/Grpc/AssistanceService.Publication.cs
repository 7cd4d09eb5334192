using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>
/// The requesting state's consent to publish its request (<see cref="Domain.Requests.PublicationConsents"/>)
/// and the coordinators' marking of what must never be published (<see cref="Domain.Requests.SecurityMarkings"/>).
/// </summary>
public sealed partial class AssistanceService
{
    public override async Task<SetAssistanceRequestPublicationConsentResponse> SetAssistanceRequestPublicationConsent(
        SetAssistanceRequestPublicationConsentRequest request, ServerCallContext context)
    {
        var stored = await publicationConsents.SetAsync(request.Name, request.Publish, request.WithheldFields, request.Etag, context.GetCaller());
        return new SetAssistanceRequestPublicationConsentResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<SetAssistanceRequestSecuritySensitiveResponse> SetAssistanceRequestSecuritySensitive(
        SetAssistanceRequestSecuritySensitiveRequest request, ServerCallContext context)
    {
        var stored = await securityMarkings.SetAsync(request.Name, request.SecuritySensitive, request.Reason, request.Etag, context.GetCaller());
        return new SetAssistanceRequestSecuritySensitiveResponse { AssistanceRequest = stored.ToMessage() };
    }
}
