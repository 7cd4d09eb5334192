using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.ServiceDefaults.Errors;

/// <summary>
/// Builds the errors our APIs return, in the rich error model of AIP-193: a google.rpc.Status
/// carrying exactly one ErrorInfo (UPPER_SNAKE reason, the service's domain) plus, where it helps
/// the caller, a BadRequest or ResourceInfo detail. Messages are written for callers and never
/// contain exception text.
/// </summary>
public sealed class ApiErrors(ErrorDomain domain)
{
    public RpcException InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        var summary = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return Build(Code.InvalidArgument, $"The request has invalid fields: {summary}", ErrorReasons.InvalidArgument, badRequest);
    }

    public RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    public RpcException NotFound(string resourceType, string resourceName) =>
        Build(Code.NotFound, $"{resourceType} '{resourceName}' does not exist.", ErrorReasons.ResourceNotFound,
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName },
            new Dictionary<string, string> { ["resource_name"] = resourceName });

    public RpcException FailedPrecondition(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        Build(Code.FailedPrecondition, message, reason, null, metadata);

    /// <summary>FAILED_PRECONDITION for a resource in the wrong state, its state (proto name) in the metadata under <c>state</c>.</summary>
    public RpcException WrongState(string reason, string message, string state) =>
        FailedPrecondition(reason, message, new Dictionary<string, string> { ["state"] = state });

    /// <summary>FAILED_PRECONDITION for a course or session in the wrong status, its status (proto name) in the metadata under <c>status</c>.</summary>
    public RpcException WrongStatus(string reason, string message, string status) =>
        FailedPrecondition(reason, message, new Dictionary<string, string> { ["status"] = status });

    /// <summary>
    /// INVALID_STATE: the lifecycle does not allow <paramref name="action"/> (when given) from
    /// <paramref name="currentState"/>; both are in the metadata for callers that branch on them.
    /// </summary>
    public RpcException InvalidState(string message, string currentState, string? action = null)
    {
        var metadata = new Dictionary<string, string> { ["current_state"] = currentState };
        if (action is not null)
        {
            metadata["action"] = action;
        }

        return FailedPrecondition(ErrorReasons.InvalidState, message, metadata);
    }

    public RpcException Unauthenticated(string reason, string message) =>
        Build(Code.Unauthenticated, message, reason);

    public RpcException PermissionDenied(string message) =>
        Build(Code.PermissionDenied, message, ErrorReasons.PermissionDenied);

    /// <summary>ALREADY_EXISTS: what the caller tries to create exists already, named in a ResourceInfo.</summary>
    public RpcException AlreadyExists(string reason, string message, string resourceType, string resourceName) =>
        Build(Code.AlreadyExists, message, reason,
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName },
            new Dictionary<string, string> { ["resource_name"] = resourceName });

    /// <summary>ALREADY_EXISTS: the request id was used before for another request (AIP-155); names nothing, so that it reveals nothing.</summary>
    public RpcException RequestIdReused() =>
        Build(Code.AlreadyExists, "This request_id was used before for a different request; send a new request_id for a new create.",
            ErrorReasons.RequestIdReused);

    /// <summary>
    /// ALREADY_EXISTS without naming what exists, for a caller who may not see it: naming it would
    /// tell the caller the id of another tenant's resource.
    /// </summary>
    public RpcException AlreadyExists(string reason, string message) =>
        Build(Code.AlreadyExists, message, reason);

    /// <summary>ABORTED: <paramref name="resourceName"/> changed since the etag sent was read (AIP-154); reread and retry.</summary>
    public RpcException StaleEtag(string resourceName) =>
        Build(Code.Aborted, $"{resourceName} changed since the etag sent was read; read it again and retry.", ErrorReasons.EtagMismatch);

    public RpcException Unavailable(string reason, string message) =>
        Build(Code.Unavailable, message, reason);

    public RpcException Internal() =>
        Build(Code.Internal, "An internal error occurred. It has been logged.", ErrorReasons.Internal);

    private RpcException Build(Code code, string message, string reason, IMessage? detail = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var errorInfo = new ErrorInfo { Reason = reason, Domain = domain.Value };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            errorInfo.Metadata[key] = value;
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(errorInfo));
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }
}
