using System.Security.Cryptography;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Testing;

/// <summary>
/// A run's own service token key (<c>Authentication:ServiceTokens:SigningKey</c>), and the harness
/// as an app of the suite under it: services take a call only from an app that names itself
/// (RelayingAppInterceptor), as the gateway does on every call it forwards, so tests and
/// benchmarks calling a service directly do the same.
/// </summary>
public sealed class SuiteServiceTokens
{
    /// <summary>The app-id the harness names itself with, as the services log it.</summary>
    public const string HarnessAppId = "tests";

    private readonly ServiceTokens harness;

    public SuiteServiceTokens()
    {
        SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        harness = TokensOf(HarnessAppId);
    }

    /// <summary>Base64 of the run's key.</summary>
    public string SigningKey { get; }

    /// <summary>The environment variable that gives a process of the run this key.</summary>
    public KeyValuePair<string, string> Configuration => new("Authentication__ServiceTokens__SigningKey", SigningKey);

    /// <summary>The harness's current service token, renewed before it runs out.</summary>
    public string Current() => harness.Current();

    /// <summary>A token of another app of the suite (e.g. <c>funding</c> reading as itself).</summary>
    public string MintFor(string appId) => TokensOf(appId).Current();

    private ServiceTokens TokensOf(string appId) =>
        new(Options.Create(new ServiceTokenOptions { SigningKey = SigningKey, AppId = appId }), TimeProvider.System);
}
