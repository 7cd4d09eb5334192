namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>What the sidecar stand-in forwarded: to which app, which method, with which metadata.</summary>
public sealed record ProxiedCall(string CalleeAppId, string Method, IReadOnlyDictionary<string, string> ForwardedMetadata);
