using CapacityBuilding.ServiceDefaults.Errors;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// What a suspension stops: the work that moves a request on (delivery steps, new and accepted
/// offers, course matching) is refused while it lasts with REQUEST_SUSPENDED, which tells the caller the pause
/// is temporary and what resumes it, rather than the INVALID_STATE of a request that never takes it.
/// </summary>
public static class SuspendedWork
{
    /// <summary>FAILED_PRECONDITION (REQUEST_SUSPENDED) when <paramref name="request"/> is suspended; nothing otherwise.</summary>
    /// <param name="work">What is refused, for the message, e.g. "Delivery events are not recorded".</param>
    public static void EnsureNotSuspended(StoredAssistanceRequest request, string name, string work, ApiErrors errors)
    {
        if (request.State != State.Suspended)
        {
            return;
        }

        var resumesTo = ActionNames.Of(request.SuspendedFrom ?? State.Unspecified);
        throw errors.FailedPrecondition(ErrorReasons.RequestSuspended,
            $"{work} while {name} is suspended; a coordinator resumes it to {resumesTo}.",
            new Dictionary<string, string> { ["current_state"] = ActionNames.Of(State.Suspended), ["suspended_from"] = resumesTo });
    }
}
