using CapacityBuilding.Contracts.Assistance.V1;
using Grpc.Core;
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

    /// <returns>The request after the last step applied.</returns>
    public async Task<AssistanceRequest> ApplyAsync(
        string key, AssistanceRequest request, IEnumerable<LifecycleStep> steps, string? reason, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            var what = $"{step.Method} of request '{key}' (now {request.State})";
            request = await GatewayCall.RunAsync(what, options => CallAsync(step, request, reason ?? DefaultReason, options), cancellationToken);
        }

        return request;
    }

    private async Task<AssistanceRequest> CallAsync(LifecycleStep step, AssistanceRequest request, string reason, CallOptions options)
    {
        var (name, etag) = (request.Name, request.Etag);
        if (step == LifecycleStep.Submit)
        {
            return (await assistance.SubmitAssistanceRequestAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest;
        }

        if (step == LifecycleStep.BeginReview)
        {
            return (await assistance.BeginAssistanceRequestReviewAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest;
        }

        if (step == LifecycleStep.Approve || step == LifecycleStep.Reject || step == LifecycleStep.Return)
        {
            var decision = step == LifecycleStep.Approve ? Decision.Approve : step == LifecycleStep.Reject ? Decision.Reject : Decision.Return;
            var review = new ReviewAssistanceRequestRequest { Name = name, Etag = etag, Decision = decision, Reason = reason };
            return (await assistance.ReviewAssistanceRequestAsync(review, options)).AssistanceRequest;
        }

        if (step == LifecycleStep.Withdraw)
        {
            return (await assistance.WithdrawAssistanceRequestAsync(new() { Name = name, Etag = etag, Reason = reason }, options)).AssistanceRequest;
        }

        if (step == LifecycleStep.StartDelivery)
        {
            return (await assistance.StartAssistanceRequestDeliveryAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest;
        }

        if (step == LifecycleStep.Complete)
        {
            return (await assistance.CompleteAssistanceRequestAsync(new() { Name = name, Etag = etag }, options)).AssistanceRequest;
        }

        throw new InvalidOperationException($"No call for lifecycle step {step.Method}.");
    }
}
