namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the ingress proxies whose <c>X-Forwarded-For</c>
/// the gateway believes. From any other address the header is ignored, so a client cannot choose
/// the address it is rate-limited as. None by default (not even loopback).
/// </summary>
public sealed class IngressProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.7</c>.</summary>
    public IList<string> KnownProxies { get; init; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. the ingress controller's pod network <c>10.244.0.0/16</c>.</summary>
    public IList<string> KnownNetworks { get; init; } = [];
}
