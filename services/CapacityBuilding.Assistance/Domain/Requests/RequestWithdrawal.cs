using CapacityBuilding.Assistance.Clients;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// Withdraws a request. Money is allocated by funding, in its own keyspace, after it has read the
/// request APPROVED, so no script of ours can see both the request's state and its allocations.
/// Before writing the withdrawal of an approved request (the only withdrawable state money can
/// reach), assistance has funding close the request to funding: refused while an ACTIVE allocation
/// holds money not yet paid out (then the withdrawal is refused, and a coordinator releases the
/// money first; money paid out in full is spent and does not hold it), and from then on no
/// allocation to it succeeds. Whichever of a withdrawal and an allocation comes first,
/// the other is refused. A withdrawal that fails after closing takes its closure back, unless it
/// cannot know whether it was stored (Redis failed under it): then the request stays closed, the
/// safe side, and the failure is logged.
/// </summary>
public sealed partial class RequestWithdrawal(RequestChanges changes, FundingClosures closures, ILogger<RequestWithdrawal> logger)
{
    public async Task<StoredAssistanceRequest> WithdrawAsync(string name, string id, string expectedEtag, Caller caller, string reason,
        CancellationToken cancellationToken)
    {
        // Names this attempt's closure, so that a failure takes back its own and not that of a
        // concurrent withdrawal that succeeded.
        var closureId = ResourceIds.New();
        var closing = false;
        try
        {
            return await changes.ApplyAsync(name, id, expectedEtag, Action.Withdraw, caller, reason, [], current => current, async current =>
            {
                // Checked on every attempt: a request read UNDER_REVIEW may be APPROVED when read again.
                if (current.State == State.Approved)
                {
                    closing = true;
                    await closures.CloseAsync(name, closureId, cancellationToken);
                }
            });
        }
        catch (RpcException exception) when (closing && !FundingClosures.IsRefusal(exception))
        {
            // Refused before anything was written (stale etag, wrong state), or the close itself
            // failed with its outcome unknown: the request is not withdrawn by this attempt.
            await closures.ReopenAsync(name, closureId);
            throw;
        }
        catch (Exception exception) when (closing && exception is not RpcException)
        {
            LogLeftClosed(logger, name, closureId, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(EventId = EventIds.FundingLeftClosed, Level = LogLevel.Warning,
        Message = "{RequestName} left closed to funding (closure {ClosureId}): its withdrawal failed with {ExceptionType}, so it may have been stored; withdrawing it again completes it")]
    private static partial void LogLeftClosed(ILogger logger, string requestName, string closureId, string exceptionType);
}
