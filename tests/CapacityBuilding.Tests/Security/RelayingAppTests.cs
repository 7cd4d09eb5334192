using System.Security.Cryptography;
using System.Text;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// A service takes a user's token only together with the identity of the app of the suite relaying
/// it, so a stolen user token opens the gateway and nothing behind it: without a relaying app, or
/// with a forged, expired or foreign one, a service answers UNAUTHENTICATED (RELAYING_APP_REQUIRED);
/// through the gateway, and through the Dapr sidecar, calls go on as before. Tokens of people and
/// of apps come from different keys and never pass for each other.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RelayingAppTests(SuiteFixture suite) : IDisposable
{
    private const string ServicesIssuer = "capacitybuilding-services";
    private const string ServicesAudience = "capacitybuilding-services";

    private readonly List<GrpcChannel> channels = [];

    public static TheoryData<string> BadRelayingApps =>
    [
        "none", "garbage", "not a bearer value", "expired", "other key", "unsigned (alg none)",
        "a user's token", "the users' key claiming role service", "the services' key with a person's role",
    ];

    public static TheoryData<string> Services => ["assistance", "training", "funding", "assistance in Dapr mode"];

    [Theory]
    [MemberData(nameof(BadRelayingApps))]
    public async Task A_user_token_with_a_missing_or_bad_relaying_app_is_unauthenticated(string kind)
    {
        var training = new TrainingService.TrainingServiceClient(InvokerRelayedAs(suite.TrainingAddress, RelayingAppValueOf(kind)));

        var failure = await RichErrors.FailsWith(StatusCode.Unauthenticated, () => training.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync);

        Assert.Equal(ErrorReasons.RelayingAppRequired, failure.ErrorInfo()?.Reason);
        Assert.Equal("training.capacitybuilding.unodc.org", failure.ErrorInfo()?.Domain);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_service_refuses_a_user_token_sent_straight_to_it(string service)
    {
        var address = service switch
        {
            "assistance" => suite.AssistanceAddress,
            "training" => suite.TrainingAddress,
            "funding" => suite.FundingAddress,
            _ => suite.DaprModeAssistanceAddress,
        };
        var invoker = InvokerRelayedAs(address, relayingApp: null);

        var failure = await RichErrors.FailsWith(StatusCode.Unauthenticated, () => service switch
        {
            "training" => new TrainingService.TrainingServiceClient(invoker).ListCoursesAsync(new ListCoursesRequest()).ResponseAsync,
            "funding" => new FundingService.FundingServiceClient(invoker).ListDonorsAsync(new ListDonorsRequest()).ResponseAsync,
            _ => new AssistanceService.AssistanceServiceClient(invoker).ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest()).ResponseAsync,
        });

        Assert.Equal(ErrorReasons.RelayingAppRequired, failure.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task A_refused_call_is_logged_with_its_event()
    {
        var training = new TrainingService.TrainingServiceClient(InvokerRelayedAs(suite.TrainingAddress, relayingApp: null));

        await RichErrors.FailsWith(StatusCode.Unauthenticated, () => training.ListCoursesAsync(new ListCoursesRequest()).ResponseAsync);

        await WaitUntilAsync(() => suite.RecentOutputOfProcesses(200).Contains("came without a valid relaying app (none named)", StringComparison.Ordinal),
            () => suite.RecentOutputOfProcesses());
    }

    /// <summary>
    /// Its call to training fails, and the warning it logs about that, inside the call, names the
    /// app that relayed the call (the harness) in the log scope.
    /// </summary>
    [Fact]
    public async Task What_a_service_logs_during_a_call_names_the_relaying_app()
    {
        var (process, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(SuiteFixture.Loopback(FreePort.Next())));
        await using var _ = process;
        var assistance = new AssistanceService.AssistanceServiceClient(channel);

        await RichErrors.FailsWith(StatusCode.Unavailable, () => assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(courses: "courses/0123456789abcdef0123456789abcdef"),
        }).ResponseAsync);

        await WaitUntilAsync(() => process.RecentOutput.Contains($"\"RelayedBy\":\"{SuiteServiceTokens.HarnessAppId}\"", StringComparison.Ordinal), () => process.RecentOutput);
    }

    [Fact]
    public async Task Through_the_gateway_a_user_token_works_and_what_the_client_says_of_apps_is_dropped()
    {
        var training = new TrainingService.TrainingServiceClient(InvokerRelayedAs(suite.GatewayGrpcAddress, relayingApp: null));
        var forged = new Metadata
        {
            { RelayingAppHeader.Name, RelayingAppHeader.Format(OtherKey().Mint(CallerRole.Service, "gateway")) },
            { DaprSidecarIdentity.CallerAppIdHeader, "funding" },
        };

        await training.ListCoursesAsync(new ListCoursesRequest());
        await training.ListCoursesAsync(new ListCoursesRequest(), forged);
    }

    [Fact]
    public async Task A_user_token_claiming_the_role_service_is_refused_at_the_gateway_and_by_a_service()
    {
        var token = suite.Tokens.Mint(CallerRole.Service, "funding");
        var atGateway = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.GatewayGrpcAddress, token));
        var atService = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.AssistanceAddress, token));

        await RichErrors.FailsWith(StatusCode.Unauthenticated, () => atGateway.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest()).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.Unauthenticated, () => atService.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task An_apps_token_opens_a_service_to_that_app_but_never_the_public_door()
    {
        var token = suite.ServiceTokens.MintFor("funding");
        var atGateway = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.GatewayGrpcAddress, token));
        var atService = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.AssistanceAddress, token));

        await RichErrors.FailsWith(StatusCode.Unauthenticated, () => atGateway.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest()).ResponseAsync);
        await atService.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest());
    }

    /// <summary>
    /// The caller names assistance's sidecar as its target and claims to be another app: the
    /// sidecar appends the app it sits beside after the claim, as daprd does
    /// (pkg/messaging/grpc_proxy.go), and training, told by the app token that the sidecar
    /// delivered the call, takes the sidecar's value, the last, without a relaying app's token.
    /// </summary>
    [Fact]
    public async Task Through_the_Dapr_sidecar_the_sidecars_caller_app_id_is_the_relaying_app()
    {
        var training = new TrainingService.TrainingServiceClient(InvokerRelayedAs(suite.AssistanceSidecar.Address, relayingApp: null));
        var before = suite.AssistanceSidecar.Calls.Count;

        // BatchGetCourses: a method k8s/ lets assistance call on training.
        await training.BatchGetCoursesAsync(new BatchGetCoursesRequest(), new Metadata
        {
            { "dapr-app-id", "training" },
            { DaprSidecarIdentity.CallerAppIdHeader, "gateway" },
        });

        var forwarded = suite.AssistanceSidecar.Calls.Skip(before).Single(call => call.Method.EndsWith("/BatchGetCourses", StringComparison.Ordinal));
        Assert.Equal(["gateway", "assistance"], forwarded.ForwardedMetadata[DaprSidecarIdentity.CallerAppIdHeader]);
    }

    public static TheoryData<string?> ForeignSidecarTokens => [null, "", "not-the-app-token"];

    /// <summary>Directly, a <c>dapr-caller-app-id</c> is only what the caller says: without the app's own token from its sidecar it counts for nothing.</summary>
    [Theory]
    [MemberData(nameof(ForeignSidecarTokens))]
    public async Task A_dapr_caller_app_id_sent_straight_to_a_service_is_not_believed(string? appApiToken)
    {
        var training = new TrainingService.TrainingServiceClient(InvokerRelayedAs(suite.TrainingAddress, relayingApp: null));
        var metadata = new Metadata { { DaprSidecarIdentity.CallerAppIdHeader, "assistance" } };
        if (appApiToken is not null)
        {
            metadata.Add(DaprSidecarIdentity.AppApiTokenHeader, appApiToken);
        }

        var failure = await RichErrors.FailsWith(StatusCode.Unauthenticated, () => training.ListCoursesAsync(new ListCoursesRequest(), metadata).ResponseAsync);

        Assert.Equal(ErrorReasons.RelayingAppRequired, failure.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task A_bad_relaying_app_token_is_refused_even_beside_a_sidecars_word()
    {
        var training = new TrainingService.TrainingServiceClient(InvokerRelayedAs(suite.TrainingAddress, RelayingAppValueOf("other key")));

        await RichErrors.FailsWith(StatusCode.Unauthenticated, () => training.ListCoursesAsync(new ListCoursesRequest(), new Metadata
        {
            { DaprSidecarIdentity.CallerAppIdHeader, "assistance" },
            { DaprSidecarIdentity.AppApiTokenHeader, suite.AppApiToken },
        }).ResponseAsync);
    }

    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }

    /// <summary>A coordinator's calls, carrying <paramref name="relayingApp"/> as the relaying app's header, or none when null.</summary>
    private CallInvoker InvokerRelayedAs(Uri address, string? relayingApp)
    {
        var channel = LoopbackChannels.ForAddress(address, "");
        var token = suite.CoordinatorToken;
        channels.Add(channel);
        return channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            if (relayingApp is not null)
            {
                metadata.Add(RelayingAppHeader.Name, relayingApp);
            }

            return metadata;
        });
    }

    private string? RelayingAppValueOf(string kind)
    {
        var servicesKey = suite.ServiceTokens.SigningKey;
        return kind switch
        {
            "none" => null,
            "garbage" => "Bearer not.a.token",
            "not a bearer value" => suite.ServiceTokens.Current(),
            "expired" => RelayingAppHeader.Format(new DevTokenIssuer(ServicesIssuer, ServicesAudience, servicesKey).Mint(CallerRole.Service, "gateway", lifetime: TimeSpan.FromMinutes(-10))),
            "other key" => RelayingAppHeader.Format(OtherKey().Mint(CallerRole.Service, "gateway")),
            "unsigned (alg none)" => RelayingAppHeader.Format(Unsigned()),
            "a user's token" => RelayingAppHeader.Format(suite.CoordinatorToken),
            "the users' key claiming role service" => RelayingAppHeader.Format(suite.Tokens.Mint(CallerRole.Service, "gateway")),
            "the services' key with a person's role" => RelayingAppHeader.Format(new DevTokenIssuer(ServicesIssuer, ServicesAudience, servicesKey).Mint(CallerRole.Coordinator, "gateway")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static DevTokenIssuer OtherKey() => new(ServicesIssuer, ServicesAudience, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    private static string Unsigned()
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"JWT"}""") + "." +
               Encode($$"""{"iss":"{{ServicesIssuer}}","aud":"{{ServicesAudience}}","sub":"gateway","role":"service","exp":{{expires}}}""") + ".";
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not in the output within 10 s:\n{output()}");
            await Task.Delay(100);
        }
    }
}
