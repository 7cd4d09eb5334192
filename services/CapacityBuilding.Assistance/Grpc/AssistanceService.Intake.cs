using CapacityBuilding.Assistance.Domain.Approvals;
using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Domain.Reports;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Intake: the approval with its budget and overlaps, the states' statuses toward the Convention, and the dashboards' reports.</summary>
public sealed partial class AssistanceService
{
    public override async Task<FindAssistanceRequestOverlapsResponse> FindAssistanceRequestOverlaps(
        FindAssistanceRequestOverlapsRequest request, ServerCallContext context)
    {
        var stored = await GetExistingAsync(request.Name, "name", context);
        var overlaps = await intake.Overlaps.FindAsync(stored);
        return new FindAssistanceRequestOverlapsResponse { Overlaps = { overlaps.Select(ToMessage) } };
    }

    public override async Task<GetConventionStatusResponse> GetConventionStatus(GetConventionStatusRequest request, ServerCallContext context)
    {
        var country = ConventionStatusNames.Parse(request.Name, "name", errors);
        var stored = await intake.ConventionStatuses.GetAsync(country)
            ?? throw errors.NotFound(ConventionStatusNames.ResourceType, request.Name);
        return new GetConventionStatusResponse { ConventionStatus = stored.ToMessage() };
    }

    public override async Task<ListConventionStatusesResponse> ListConventionStatuses(ListConventionStatusesRequest request, ServerCallContext context)
    {
        const string scope = "conventionStatuses";
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var after = pageTokens.Decode(request.PageToken, scope);
        var remaining = (await intake.ConventionStatuses.ListAsync())
            .Where(status => after is null || string.CompareOrdinal(status.Country, after) > 0)
            .Take(pageSize + 1)
            .ToList();
        var page = remaining.Take(pageSize).ToList();
        return new ListConventionStatusesResponse
        {
            ConventionStatuses = { page.Select(status => status.ToMessage()) },
            NextPageToken = PageTokens.Encode(remaining.Count > pageSize ? page[^1].Country : null, scope),
        };
    }

    public override async Task<UpdateConventionStatusResponse> UpdateConventionStatus(UpdateConventionStatusRequest request, ServerCallContext context)
    {
        if (request.ConventionStatus is not { } patch)
        {
            throw errors.InvalidArgument("convention_status", "is required.");
        }

        var country = ConventionStatusNames.Parse(patch.Name, "convention_status.name", errors);
        var violations = new FieldViolations();
        var mask = ConventionStatusMessages.UpdatableFields.Resolve(request.UpdateMask, patch, violations);
        violations.ThrowIfAny(errors);
        var stored = await intake.ConventionStatusChanges.UpdateAsync(patch.Name, country, patch.Etag, request.AllowMissing, current =>
        {
            var merged = ConventionStatusMessages.UpdatableFields.Merge(mask, current?.ToMessage() ?? new ConventionStatus(), patch);
            var found = new FieldViolations();
            found.AddRange(intake.AnnotatedRules.Check(merged, "convention_status"));
            intake.ConventionStatusRules.AddViolations(merged, "convention_status", found);
            found.ThrowIfAny(errors);
            return merged.ToStored(country);
        });
        return new UpdateConventionStatusResponse { ConventionStatus = stored.ToMessage() };
    }

    public override async Task<GetConventionCoverageResponse> GetConventionCoverage(GetConventionCoverageRequest request, ServerCallContext context)
    {
        var (country, scope) = ReportFor(context.GetCaller(), request.RequestingState);
        return await intake.Coverage.BuildAsync(country, scope);
    }

    public override async Task<GetPipelineReportResponse> GetPipelineReport(GetPipelineReportRequest request, ServerCallContext context)
    {
        var (country, scope) = ReportFor(context.GetCaller(), request.RequestingState);
        return await intake.Pipeline.BuildAsync(country, scope);
    }

    public override Task<GetBudgetTotalsResponse> GetBudgetTotals(GetBudgetTotalsRequest request, ServerCallContext context) => intake.Budgets.BuildAsync();

    private async Task<StoredAssistanceRequest> ApproveAsync(ReviewAssistanceRequestRequest request, ServerCallContext context)
    {
        var id = AssistanceRequestNames.Request.Parse(request.Name, "name", errors).RequestId;
        return await intake.Approval.ApproveAsync(request.Name, id, request.Etag, context.GetCaller(), request.Reason.Trim(),
            request.ApprovedBudget.ToStored(), request.OverlapConfirmation);
    }

    /// <summary>Which state a report is about and how much of it the caller sees: a focal point its own state only, a donor the aggregate.</summary>
    private (string? Country, ReportScope Scope) ReportFor(Caller caller, string requestingState)
    {
        if (requestingState.Length > 0)
        {
            var violations = new FieldViolations();
            violations.RequireCountry("requesting_state", requestingState);
            violations.ThrowIfAny(errors);
            access.EnsureMayActFor(caller, requestingState);
        }

        return caller.Role switch
        {
            CallerRole.MemberState => (caller.Country, ReportScope.OwnState),
            CallerRole.Donor => (NullIfEmpty(requestingState), ReportScope.Aggregate),
            _ => (NullIfEmpty(requestingState), ReportScope.Full),
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static RequestOverlap ToMessage(Overlap overlap) => new()
    {
        AssistanceRequest = AssistanceRequestNames.Request.Format(overlap.Other.Id),
        Title = overlap.Other.Title,
        State = overlap.Other.State,
        SharedThematicAreas = { overlap.SharedAreas },
        SharedArticles = { overlap.SharedArticles },
        OverlapStart = CalendarDates.ToMessage(overlap.Start),
        OverlapEnd = CalendarDates.ToMessage(overlap.End),
    };
}
