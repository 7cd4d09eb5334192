using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Portal.Clients;

/// <summary>One field's problem as a service stated it: its AIP-193 path, the service's text, and a reason when it gave one.</summary>
public sealed record FieldProblem(string Field, string Description, string? Reason);

/// <summary>
/// A service's error read once (AIP-193): the ErrorInfo reason, the status message, and every
/// field problem: BadRequest field violations, and the fields an ErrorInfo names in its
/// <c>missing_fields</c> metadata (REQUEST_INCOMPLETE), so a page can show each next to its field.
/// </summary>
public sealed record ServiceError(StatusCode Code, string? Reason, string Message, IReadOnlyList<FieldProblem> Fields)
{
    public const string MissingFieldsMetadata = "missing_fields";

    public static ServiceError From(RpcException exception)
    {
        var status = exception.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var fields = status?.GetDetail<BadRequest>()?.FieldViolations
            .Select(violation => new FieldProblem(violation.Field, violation.Description, violation.Reason.Length > 0 ? violation.Reason : null))
            .ToList() ?? [];
        if (info is not null && info.Metadata.TryGetValue(MissingFieldsMetadata, out var missing))
        {
            fields.AddRange(missing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(field => new FieldProblem(field, "is required.", info.Reason)));
        }

        return new ServiceError(exception.StatusCode, info?.Reason, status?.Message ?? exception.Status.Detail, fields);
    }
}
