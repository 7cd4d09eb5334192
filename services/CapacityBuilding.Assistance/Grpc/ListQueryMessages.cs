using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Turns the filters and order of a List call into a <see cref="RequestListQuery"/>, naming every bad one.</summary>
internal static class ListQueryMessages
{
    public const string CreateTimeOrder = "create_time desc";
    public const string PriorityOrder = "priority_score desc";

    public static RequestListQuery ToQuery(this ListAssistanceRequestsRequest request, ApiErrors errors)
    {
        var violations = new FieldViolations();
        var filters = new List<(string, string)>();
        if (request.RequestingState.Length > 0)
        {
            violations.RequireCountry("requesting_state", request.RequestingState);
            filters.Add((RequestIndexes.Country, request.RequestingState));
        }

        if (request.State != AssistanceRequest.Types.State.Unspecified && violations.RequireEnum("state", request.State))
        {
            filters.Add((RequestIndexes.State, request.State.ToString()));
        }

        if (request.ThematicArea != ThematicArea.Unspecified && violations.RequireEnum("thematic_area", request.ThematicArea))
        {
            filters.Add((RequestIndexes.Theme, request.ThematicArea.ToString()));
        }

        if (request.AssistanceType != AssistanceType.Unspecified && violations.RequireEnum("assistance_type", request.AssistanceType))
        {
            filters.Add((RequestIndexes.Type, request.AssistanceType.ToString()));
        }

        if (request.HasDacEligible)
        {
            filters.Add((RequestIndexes.Dac, RequestIndexes.DacValue(request.DacEligible)));
        }

        var from = violations.OptionalTimestamp("create_time_start", request.CreateTimeStart);
        var before = violations.OptionalTimestamp("create_time_end", request.CreateTimeEnd);
        if (from is { } start && before is { } end && end <= start)
        {
            violations.Add("create_time_end", "must be after create_time_start.");
        }

        var order = request.OrderBy.Trim() switch
        {
            "" or CreateTimeOrder => RequestOrder.CreateTime,
            PriorityOrder => RequestOrder.Priority,
            _ => (RequestOrder?)null,
        };
        if (order is null)
        {
            violations.Add("order_by", $"must be '{CreateTimeOrder}' or '{PriorityOrder}'.");
        }

        violations.ThrowIfAny(errors);
        return new RequestListQuery(filters, from, before, order!.Value);
    }
}
