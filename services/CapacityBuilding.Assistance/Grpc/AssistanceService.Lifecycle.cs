using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>The lifecycle's custom methods; which of them is allowed when is <see cref="RequestLifecycle"/>'s business.</summary>
public sealed partial class AssistanceService
{
    public override async Task<SubmitAssistanceRequestResponse> SubmitAssistanceRequest(SubmitAssistanceRequestRequest request, ServerCallContext context)
    {
        var stored = await TransitionAsync(request.Name, request.Etag, Action.Submit, request.Reason, context, current =>
        {
            var missing = AssistanceRequestValidator.MissingForSubmission(current);
            if (missing.Count > 0)
            {
                throw errors.FailedPrecondition(ErrorReasons.RequestIncomplete,
                    $"{request.Name} cannot be submitted before these fields are filled in: {string.Join(", ", missing)}.",
                    new Dictionary<string, string> { ["missing_fields"] = string.Join(',', missing) });
            }

            return current;
        });
        return new SubmitAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<BeginAssistanceRequestReviewResponse> BeginAssistanceRequestReview(BeginAssistanceRequestReviewRequest request, ServerCallContext context)
    {
        var stored = await TransitionAsync(request.Name, request.Etag, Action.BeginReview, request.Reason, context);
        return new BeginAssistanceRequestReviewResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<ReviewAssistanceRequestResponse> ReviewAssistanceRequest(ReviewAssistanceRequestRequest request, ServerCallContext context)
    {
        var action = request.Decision switch
        {
            Decision.Approve => Action.Approve,
            Decision.Reject => Action.Reject,
            Decision.Return => Action.Return,
            _ => throw errors.InvalidArgument("decision", "must be DECISION_APPROVE, DECISION_REJECT or DECISION_RETURN."),
        };
        intake.ReviewRules.EnsureValid(request, errors);
        var approving = action == Action.Approve;
        var stored = approving
            ? await ApproveAsync(request, context)
            : await TransitionAsync(request.Name, request.Etag, action, request.Reason, context);
        if (approving)
        {
            // After the approval is stored: training being away must not undo or block it.
            stored = await MatchAndRecordAsync(request.Name, stored, context.CancellationToken);
        }

        return new ReviewAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<WithdrawAssistanceRequestResponse> WithdrawAssistanceRequest(WithdrawAssistanceRequestRequest request, ServerCallContext context)
    {
        var id = AssistanceRequestNames.Request.Parse(request.Name, "name", errors).RequestId;
        var stored = await withdrawal.WithdrawAsync(request.Name, id, request.Etag, context.GetCaller(), request.Reason.Trim(), context.CancellationToken);
        return new WithdrawAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<StartAssistanceRequestDeliveryResponse> StartAssistanceRequestDelivery(StartAssistanceRequestDeliveryRequest request, ServerCallContext context)
    {
        var stored = await TransitionAsync(request.Name, request.Etag, Action.StartDelivery, request.Reason, context);
        return new StartAssistanceRequestDeliveryResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<CompleteAssistanceRequestResponse> CompleteAssistanceRequest(CompleteAssistanceRequestRequest request, ServerCallContext context)
    {
        var id = AssistanceRequestNames.Request.Parse(request.Name, "name", errors).RequestId;
        var stored = await changes.ApplyAsync(request.Name, id, request.Etag, Action.Complete, context.GetCaller(), request.Reason.Trim(), [],
            current => current, current => results.EnsureReportedAsync(request.Name, current));
        return new CompleteAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<MatchAssistanceRequestCoursesResponse> MatchAssistanceRequestCourses(MatchAssistanceRequestCoursesRequest request, ServerCallContext context)
    {
        var current = await GetExistingAsync(request.Name, "name", context);
        SuspendedWork.EnsureNotSuspended(current, request.Name, "Courses are not matched", errors);
        if (!RequestLifecycle.CanMatchCourses(current.State))
        {
            throw errors.InvalidState(
                $"Courses are matched for approved requests; {request.Name} is {ActionNames.Of(current.State)}.", current.State.ToString());
        }

        var stored = await MatchAndRecordAsync(request.Name, current, context.CancellationToken);
        if (stored.CourseProposal?.Status == CourseProposal.Types.Status.Failed)
        {
            throw errors.Unavailable(ErrorReasons.TrainingUnavailable,
                "The training service could not propose courses; the failure is recorded on the request. Retry later.");
        }

        return new MatchAssistanceRequestCoursesResponse { AssistanceRequest = stored.ToMessage() };
    }

    private async Task<StoredAssistanceRequest> TransitionAsync(string name, string etag, Action action, string reason,
        ServerCallContext context, Func<StoredAssistanceRequest, StoredAssistanceRequest>? edit = null)
    {
        var id = AssistanceRequestNames.Request.Parse(name, "name", errors).RequestId;
        return await changes.ApplyAsync(name, id, etag, action, context.GetCaller(), reason.Trim(), [], edit ?? (current => current));
    }

    private async Task<StoredAssistanceRequest> MatchAndRecordAsync(string name, StoredAssistanceRequest request, CancellationToken cancellationToken)
    {
        var proposal = await courseMatcher.ProposeAsync(request, cancellationToken);
        return await changes.AmendAsync(name, request.Id, current => current with { CourseProposal = proposal });
    }
}
