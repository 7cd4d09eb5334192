using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Assistance.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Turns the filters and order of a List call into a <see cref="RequestListQuery"/>, naming every bad one.</summary>
internal static class ListQueryMessages
{
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

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

        var from = OptionalTime(violations, "create_time_start", request.CreateTimeStart);
        var before = OptionalTime(violations, "create_time_end", request.CreateTimeEnd);
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

    /// <summary>
    /// The time, if given and within what google.protobuf.Timestamp allows (years 1 to 9999,
    /// nanos 0 to 999,999,999); outside it the conversion would throw, so it is a field violation.
    /// </summary>
    private static DateTimeOffset? OptionalTime(FieldViolations violations, string field, Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds || value.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "is not a valid timestamp (0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z).");
            return null;
        }

        return value.ToDateTimeOffset();
    }
}
