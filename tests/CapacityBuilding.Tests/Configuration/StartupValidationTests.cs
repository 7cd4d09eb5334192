using System.Security.Cryptography;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Configuration;

/// <summary>
/// A missing or wrong setting stops the process at start with a message naming its key, instead
/// of an INTERNAL answer to the first call that needs it. Each case starts one program from its
/// build output with a valid configuration but for one setting.
/// </summary>
public sealed class StartupValidationTests
{
    // A ceiling, not a timing check: a refused process exits within a second or two, but under a
    // loaded machine (many test processes starting at once on 2 cores) a start can take half a minute
    // before it writes anything.
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    private const string Assistance = "services/CapacityBuilding.Assistance";
    private const string Training = "services/CapacityBuilding.Training";
    private const string Funding = "services/CapacityBuilding.Funding";
    private const string Gateway = "gateway/CapacityBuilding.Gateway";

    public static TheoryData<string, string, string, string> BadSettings => new()
    {
        { Assistance, "Redis__ConnectionString", "localhost:6379,no-such-option=1", "Redis:ConnectionString" },
        { Training, "Redis__ConnectionString", "", "Redis:ConnectionString" },
        { Training, "Redis__User", "training", "Redis:Password" },
        { Assistance, "Invocation__Apps__training", "training-without-scheme", "Invocation:Apps:training" },
        { Assistance, "Invocation__Apps__funding", "ftp://localhost:5103", "Invocation:Apps:funding" },
        { Funding, "Invocation__Apps__assistance", "/relative", "Invocation:Apps:assistance" },
        { Assistance, "Invocation__Mode", "Sideways", "Invocation:Mode" },
        { Funding, "Invocation__CallDeadline", "00:00:00", "Invocation:CallDeadline" },
        { Funding, "Invocation__MaxReconnectBackoff", "-00:00:01", "Invocation:MaxReconnectBackoff" },
        { Funding, "Iati__ReportingOrganisationRef", " ", "Iati:ReportingOrganisationRef" },
        { Training, "Authentication__Jwt__SigningKey", "dG9vIHNob3J0", "Authentication:Jwt:SigningKey" },
        { Funding, "Authentication__Jwt__Issuer", "", "Authentication:Jwt:Issuer" },
        { Assistance, "Audit__CheckpointSigningKey", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----", "Audit:CheckpointSigningKey" },
        { Gateway, "RateLimiting__BurstLimit", "0", "RateLimiting:BurstLimit" },
        { Gateway, "RateLimiting__PermitsPerSecond", "-5", "RateLimiting:PermitsPerSecond" },
        { Gateway, "RateLimiting__PerAddressBurstLimit", "0", "RateLimiting:PerAddressBurstLimit" },
        { Gateway, "ForwardedHeaders__KnownProxies__0", "ingress.local", "ForwardedHeaders:KnownProxies:0" },
        { Gateway, "ForwardedHeaders__KnownNetworks__0", "10.244.0.0/99", "ForwardedHeaders:KnownNetworks:0" },
        { Gateway, "RateLimiting__ReportBurstLimit", "0", "RateLimiting:ReportBurstLimit" },
        { Gateway, "RateLimiting__ReportPermitsPerMinute", "0", "RateLimiting:ReportPermitsPerMinute" },
        { Gateway, "Deadlines__Request", "00:00:00", "Deadlines:Request" },
        { Gateway, "Deadlines__ServiceMargin", "00:01:00", "Deadlines:ServiceMargin" },
        { Gateway, "Authentication__Jwt__SigningKey", "not base64!", "Authentication:Jwt:SigningKey" },
        { Gateway, "Authentication__Jwt__SigningKey", PublishedSigningKeys.DevOverlay, "Authentication:Jwt:SigningKey" },
        { Funding, "Authentication__Jwt__SigningKey", PublishedSigningKeys.DevOverlay, "Authentication:Jwt:SigningKey" },
        { Training, "Authentication__ServiceTokens__SigningKey", "", "Authentication:ServiceTokens:SigningKey" },
        { Gateway, "Authentication__ServiceTokens__SigningKey", "", "Authentication:ServiceTokens:SigningKey" },
        { Assistance, "Authentication__ServiceTokens__SigningKey", "dG9vIHNob3J0", "Authentication:ServiceTokens:SigningKey" },
        { Gateway, "Authentication__ServiceTokens__SigningKey", PublishedSigningKeys.DevOverlayServiceTokens, "Authentication:ServiceTokens:SigningKey" },
        { Funding, "Authentication__ServiceTokens__Issuer", "capacitybuilding-local", "Authentication:ServiceTokens:Issuer" },
        { Assistance, "Offers__Sweep__Interval", "00:00:00", "Offers:Sweep:Interval" },
        { Assistance, "Offers__Sweep__AcceptingGrace", "00:00:00.5", "Offers:Sweep:AcceptingGrace" },
        { Assistance, "Offers__Sweep__BatchSize", "0", "Offers:Sweep:BatchSize" },
        { Assistance, "Requests__Listing__ScanBudget", "0", "Requests:Listing:ScanBudget" },
        { Training, "Load__MaxConcurrentCalls", "0", "Load:MaxConcurrentCalls" },
        { Gateway, "Load__MaxConcurrentCalls", "100001", "Load:MaxConcurrentCalls" },
        { Gateway, "ApiReference__Path", "/v1/docs", "ApiReference:Path" },
        { Funding, "Iati__MaxPageBytes", "4194304", "Iati:MaxPageBytes" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_process_at_start_naming_its_key(string project, string variable, string value, string key)
    {
        var environment = ValidConfiguration(project);
        environment[variable] = value;

        await using var process = ServiceProcess.Start(Path.GetFileName(project), project, environment);
        var exitCode = await process.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode is not null and not 0, $"{project} with {variable}={value} should have stopped at start; exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (still running)"}:\n{process.RecentOutput}");
        Assert.Contains(key, process.RecentOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dapr_mode_needs_the_sidecars_address()
    {
        var environment = ValidConfiguration(Assistance);
        environment["Invocation__Mode"] = "Dapr";
        environment["DAPR_GRPC_ENDPOINT"] = "sidecar-without-scheme";

        await using var process = ServiceProcess.Start("assistance", Assistance, environment);
        var exitCode = await process.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode is not null and not 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (still running)"}:\n{process.RecentOutput}");
        Assert.Contains("DAPR_GRPC_ENDPOINT", process.RecentOutput, StringComparison.Ordinal);
    }

    /// <summary>TLS to Redis is StackExchange.Redis' own option; Redis need not answer for the service to start.</summary>
    [Theory]
    [InlineData("127.0.0.1:{0},ssl=true,sslHost=redis.example.org")]
    [InlineData("127.0.0.1:{0},ssl=true,sslProtocols=Tls12,user=ignored,password=ignored")]
    public async Task Redis_over_tls_with_a_user_of_its_own_is_a_valid_setting(string connectionString)
    {
        var environment = ValidConfiguration(Assistance);
        environment["Redis__ConnectionString"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, connectionString, FreePort.Next());
        environment["Redis__User"] = "assistance";
        environment["Redis__Password"] = "from-the-secret";

        await using var process = ServiceProcess.Start("assistance", Assistance, environment);

        await process.WaitUntilReadyAsync(() => Task.FromResult(process.RecentOutput.Contains("Application started", StringComparison.Ordinal)), ExitTimeout);
    }

    [Theory]
    [InlineData(Assistance)]
    [InlineData(Training)]
    [InlineData(Funding)]
    [InlineData(Gateway)]
    public async Task The_valid_configuration_of_these_cases_starts(string project)
    {
        await using var process = ServiceProcess.Start(Path.GetFileName(project), project, ValidConfiguration(project));

        // The host says so once every option passed and the server listens.
        await process.WaitUntilReadyAsync(() => Task.FromResult(process.RecentOutput.Contains("Application started", StringComparison.Ordinal)), ExitTimeout);
    }

    [Fact]
    public async Task The_apps_key_may_not_be_the_users_key()
    {
        var environment = ValidConfiguration(Training);
        environment["Authentication__ServiceTokens__SigningKey"] = environment["Authentication__Jwt__SigningKey"];

        await using var process = ServiceProcess.Start("training", Training, environment);
        var exitCode = await process.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode is not null and not 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (still running)"}:\n{process.RecentOutput}");
        Assert.Contains("Authentication:ServiceTokens:SigningKey must differ from Authentication:Jwt:SigningKey", process.RecentOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// Funding reads requests as itself with a token it signs with the services' own key, so under
    /// an OIDC authority (no users' key at all) it starts like every other app.
    /// </summary>
    [Fact]
    public async Task Funding_starts_under_an_OIDC_authority_without_the_users_signing_key()
    {
        var environment = ValidConfiguration(Funding);
        environment.Remove("Authentication__Jwt__SigningKey");
        environment["Authentication__Jwt__Authority"] = "https://login.example.org/realms/capacitybuilding";

        await using var process = ServiceProcess.Start("funding", Funding, environment);

        await process.WaitUntilReadyAsync(() => Task.FromResult(process.RecentOutput.Contains("Application started", StringComparison.Ordinal)), ExitTimeout);
    }

    // appsettings.json plus what a run adds: the users' and the services' signing keys, and ports of the test's own.
    private static Dictionary<string, string> ValidConfiguration(string project)
    {
        var environment = new Dictionary<string, string>
        {
            ["Authentication__Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Authentication__ServiceTokens__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Redis__ConnectionString"] = $"127.0.0.1:{FreePort.Next()}",
        };
        if (project == Gateway)
        {
            environment["Kestrel__Endpoints__Rest__Url"] = SuiteFixture.Loopback(FreePort.Next()).ToString();
            environment["Kestrel__Endpoints__Grpc__Url"] = SuiteFixture.Loopback(FreePort.Next()).ToString();
        }
        else
        {
            environment["Urls"] = SuiteFixture.Loopback(FreePort.Next()).ToString();
        }

        return environment;
    }
}
