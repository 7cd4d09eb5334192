namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>How a service reaches the others.</summary>
public enum InvocationMode
{
    /// <summary>Dial each app at the address configured for it (local runs, tests).</summary>
    Direct,

    /// <summary>
    /// Dial the Dapr sidecar and name the target app in <c>dapr-app-id</c> metadata (Dapr's gRPC
    /// proxying); the sidecar routes, adds mTLS, retries and access control.
    /// </summary>
    Dapr,
}
