using CapacityBuilding.Contracts.Assistance.V1;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>
/// Suspending and resuming: lifecycle transitions like the others. The request keeps the state it
/// was suspended from while suspended, so that resuming returns it there, and forgets it on resuming.
/// </summary>
public sealed partial class AssistanceService
{
    public override async Task<SuspendAssistanceRequestResponse> SuspendAssistanceRequest(SuspendAssistanceRequestRequest request, ServerCallContext context)
    {
        var stored = await TransitionAsync(request.Name, request.Etag, Action.Suspend, request.Reason, context,
            current => current with { SuspendedFrom = current.State });
        return new SuspendAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<ResumeAssistanceRequestResponse> ResumeAssistanceRequest(ResumeAssistanceRequestRequest request, ServerCallContext context)
    {
        var stored = await TransitionAsync(request.Name, request.Etag, Action.Resume, request.Reason, context,
            current => current with { SuspendedFrom = null });
        return new ResumeAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }
}
