using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using TrainingClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// Any app that calls services through the invocation layer (the portal too) gets its identity
/// with no code of its own: it is named after its assembly, and in Direct mode, where it signs its
/// own identity, it needs the apps' key; in Dapr mode its sidecar names it and the key may be absent.
/// </summary>
public sealed class AppIdentityConfigurationTests
{
    private static readonly string Key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void An_app_is_named_after_its_assembly_unless_configured()
    {
        Assert.Equal("portal", OptionsOf("Direct", signingKey: Key).AppId);
        Assert.Equal("web", OptionsOf("Direct", signingKey: Key, appId: "web").AppId);
    }

    [Fact]
    public void Calling_in_Direct_mode_needs_the_apps_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => OptionsOf("Direct", signingKey: null));

        Assert.Contains("Authentication:ServiceTokens:SigningKey must be set in Direct mode", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calling_through_Dapr_needs_no_key()
    {
        Assert.Null(OptionsOf("Dapr", signingKey: null).SigningKey);
    }

    /// <summary>The service token options of an app named CapacityBuilding.Portal that calls training.</summary>
    private static ServiceTokenOptions OptionsOf(string mode, string? signingKey, string? appId = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Invocation:Mode"] = mode,
            ["Invocation:Apps:training"] = "http://127.0.0.1:5102",
            ["DAPR_GRPC_ENDPOINT"] = "http://127.0.0.1:50001",
            ["Authentication:ServiceTokens:SigningKey"] = signingKey,
            ["Authentication:ServiceTokens:AppId"] = appId,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ApplicationName = "CapacityBuilding.Portal" });
        services.AddServiceClient<TrainingClient>(configuration, "training", new UnreachableAnswer("TRAINING_UNAVAILABLE", "Training cannot be reached."));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ServiceTokenOptions>>().Value;
    }
}
