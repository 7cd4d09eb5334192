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
        return Build(Code.InvalidArgument, $"The request has invalid fields: {summary}", "INVALID_ARGUMENT", badRequest);
    }

    public RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    public RpcException NotFound(string resourceType, string resourceName) =>
        Build(Code.NotFound, $"{resourceType} '{resourceName}' does not exist.", "RESOURCE_NOT_FOUND",
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName },
            new Dictionary<string, string> { ["resource_name"] = resourceName });

    public RpcException FailedPrecondition(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) =>
        Build(Code.FailedPrecondition, message, reason, null, metadata);

    public RpcException PermissionDenied(string message) =>
        Build(Code.PermissionDenied, message, "PERMISSION_DENIED");
    /// <summary>ALREADY_EXISTS: what the caller tries to create exists already, named in a ResourceInfo.</summary>
    public RpcException AlreadyExists(string reason, string message, string resourceType, string resourceName) =>
        Build(Code.AlreadyExists, message, reason,
            new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName },
            new Dictionary<string, string> { ["resource_name"] = resourceName });

    /// <summary>ABORTED: a concurrent change won (a stale etag, AIP-154); reread and retry.</summary>
    public RpcException Aborted(string reason, string message) =>
        Build(Code.Aborted, message, reason);

    public RpcException Unavailable(string reason, string message) =>
        Build(Code.Unavailable, message, reason);

    public RpcException Internal() =>
        Build(Code.Internal, "An internal error occurred. It has been logged.", "INTERNAL");

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
