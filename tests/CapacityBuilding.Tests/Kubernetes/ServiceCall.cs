namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// One cross-service call the code makes: from the app <paramref name="CallerAppId"/> to the
/// gRPC method <paramref name="Method"/> (<c>/package.Service/Method</c>) of the app
/// <paramref name="CalleeAppId"/>, found at <paramref name="Source"/>. Idempotent when the proto
/// says so (an HTTP GET binding, or <c>idempotency_level</c> NO_SIDE_EFFECTS or IDEMPOTENT).
/// </summary>
internal sealed record ServiceCall(string CallerAppId, string CalleeAppId, string Method, bool IsIdempotent, string Source);
