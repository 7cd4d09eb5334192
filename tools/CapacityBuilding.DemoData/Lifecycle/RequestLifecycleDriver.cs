using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.DemoData.Files;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;

namespace CapacityBuilding.DemoData.Lifecycle;

/// <summary>
/// Moves a request along its <see cref="LifecycleRoute"/> through the public lifecycle methods,
/// one step at a time, each sent with the etag just read, so a request someone else changes
/// meanwhile fails loudly instead of being moved twice.
/// </summary>
public sealed class RequestLifecycleDriver(AssistanceService.AssistanceServiceClient assistance)
{
    private const string DefaultReason = "Demo data.";

    /// <summary>Applies <paramref name="steps"/> to <paramref name="entry"/>'s request; a suspension gives the entry's <c>suspensionReason</c>, any other step that asks for one its <c>reason</c>.</summary>
    /// <returns>The request after the last step applied.</returns>
    public async Task<AssistanceRequest> ApplyAsync(
        AssistanceRequestEntry entry, AssistanceRequest request, IEnumerable<LifecycleStep> steps, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            var what = $"{MethodOf(step.Action)} of request '{entry.Key}' (now {request.State})";
            var reason = (step.Action == Action.Suspend ? entry.SuspensionReason : entry.Reason) ?? DefaultReason;
            request = await GatewayCall.RunAsync(what, options => CallAsync(step.Action, request, reason, options), cancellationToken);
        }

        return request;
    }

    private static string MethodOf(Action action) => action switch
    {
        Action.Submit => "SubmitAssistanceRequest",
        Action.BeginReview => "BeginAssistanceRequestReview",
        Action.Approve => "ReviewAssistanceRequest (approve)",
        Action.Reject => "ReviewAssistanceRequest (reject)",
        Action.Return => "ReviewAssistanceRequest (return)",
        Action.Withdraw => "WithdrawAssistanceRequest",
        Action.StartDelivery => "StartAssistanceRequestDelivery",
        Action.Complete => "CompleteAssistanceRequest",
        Action.Suspend => "SuspendAssistanceRequest",
        _ => action.ToString(),
    };

    private async Task<AssistanceRequest> CallAsync(Action action, AssistanceRequest request, string reason, CallOptions options)
    {
        var (name, etag) = (request.Name, request.Etag);
        return action switch
        {
            Action.Submit => (await assistance.SubmitAssistanceRequestAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest,
            Action.BeginReview => (await assistance.BeginAssistanceRequestReviewAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest,
            Action.Approve => await ReviewAsync(Decision.Approve),
            Action.Reject => await ReviewAsync(Decision.Reject),
            Action.Return => await ReviewAsync(Decision.Return),
            Action.Withdraw => (await assistance.WithdrawAssistanceRequestAsync(new() { Name = name, Etag = etag, Reason = reason }, options)).AssistanceRequest,
            Action.StartDelivery => (await assistance.StartAssistanceRequestDeliveryAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest,
            Action.Complete => (await assistance.CompleteAssistanceRequestAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest,
            Action.Suspend => (await assistance.SuspendAssistanceRequestAsync(new() { Name = name, Etag = etag, Reason = reason }, options)).AssistanceRequest,
            _ => throw new InvalidOperationException($"No call for lifecycle step {action}."),
        };

        async Task<AssistanceRequest> ReviewAsync(Decision decision)
        {
            // The demo file states each request's state; an overlap with another demo request is confirmed, not a reason to stop loading.
            var review = new ReviewAssistanceRequestRequest
            {
                Name = name, Etag = etag, Decision = decision, Reason = reason,
                OverlapConfirmation = decision == Decision.Approve ? "Demo data: approved as the demo file states." : "",
            };
            return (await assistance.ReviewAssistanceRequestAsync(review, options)).AssistanceRequest;
        }
    }
}
