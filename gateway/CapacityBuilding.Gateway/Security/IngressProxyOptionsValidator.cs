using System.Net;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary><c>ForwardedHeaders</c>: every proxy an IP address, every network a CIDR block.</summary>
internal sealed class IngressProxyOptionsValidator : IValidateOptions<IngressProxyOptions>
{
    private const string Section = IngressProxyOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, IngressProxyOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        foreach (var (proxy, index) in options.KnownProxies.Select((proxy, index) => (proxy, index)).Where(entry => !IPAddress.TryParse(entry.proxy, out _)))
        {
            failures.AddError($"{Section}:{nameof(IngressProxyOptions.KnownProxies)}:{index} ('{proxy}') is not an IP address.");
        }

        foreach (var (network, index) in options.KnownNetworks.Select((network, index) => (network, index)).Where(entry => !IPNetwork.TryParse(entry.network, out _)))
        {
            failures.AddError($"{Section}:{nameof(IngressProxyOptions.KnownNetworks)}:{index} ('{network}') is not a CIDR block such as 10.244.0.0/16.");
        }

        return failures.Build();
    }
}
