namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// An attempt the sidecar stand-in forwarded: to which app, which method, with which metadata
/// (every value of each name, in the order the callee receives them), and how many bytes the
/// callee's reply body had.
/// </summary>
public sealed record ProxiedCall(string CalleeAppId, string Method, IReadOnlyDictionary<string, IReadOnlyList<string>> ForwardedMetadata, long ReplyBytes);
