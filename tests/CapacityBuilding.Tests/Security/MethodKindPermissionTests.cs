using System.Security.Claims;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using TrainingService = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// The permission table holds for every kind of gRPC method, not only the unary ones our protos
/// have today: a method the table does not list is refused to every role whether it is unary,
/// client-, server- or duplex-streaming, and a listed one runs for its roles.
/// </summary>
public sealed class MethodKindPermissionTests
{
    private const string Listed = "/capacitybuilding.training.v1.TrainingService/GetCourse";
    private const string Unlisted = "/capacitybuilding.training.v1.TrainingService/StreamEverything";

    private static readonly MethodPermissions Table = MethodPermissions.For(TrainingService.Descriptor)
        .Allow(nameof(TrainingService.TrainingServiceBase.GetCourse), CallerRole.Auditor)
        .Build();

    private readonly MethodPermissionInterceptor interceptor = new([Table], new ApiErrors(ErrorDomain.ForService("test")));

    public enum MethodKind
    {
        Unary,
        ClientStreaming,
        ServerStreaming,
        DuplexStreaming,
    }

    public static TheoryData<MethodKind, CallerRole> EveryKindAndRole()
    {
        var cases = new TheoryData<MethodKind, CallerRole>();
        foreach (var kind in Enum.GetValues<MethodKind>())
        {
            foreach (var role in Enum.GetValues<CallerRole>())
            {
                cases.Add(kind, role);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndRole))]
    public async Task A_method_missing_from_the_table_is_refused_to_every_role_for_every_kind(MethodKind kind, CallerRole role)
    {
        var reached = false;

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Call(kind, Unlisted, role, () => reached = true));

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.False(reached, "the handler ran although the table does not list the method.");
    }

    [Theory]
    [InlineData(MethodKind.Unary)]
    [InlineData(MethodKind.ClientStreaming)]
    [InlineData(MethodKind.ServerStreaming)]
    [InlineData(MethodKind.DuplexStreaming)]
    public async Task A_listed_method_runs_for_its_role_and_is_refused_to_others(MethodKind kind)
    {
        var reached = false;
        await Call(kind, Listed, CallerRole.Auditor, () => reached = true);
        Assert.True(reached);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Call(kind, Listed, CallerRole.Coordinator, () => { }));
        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
    }

    private Task Call(MethodKind kind, string method, CallerRole role, Action handler)
    {
        var context = new FakeCallContext(method, role);
        return kind switch
        {
            MethodKind.Unary => interceptor.UnaryServerHandler<string, string>("", context, (_, _) => Run(handler)),
            MethodKind.ClientStreaming => interceptor.ClientStreamingServerHandler<string, string>(null!, context, (_, _) => Run(handler)),
            MethodKind.ServerStreaming => interceptor.ServerStreamingServerHandler<string, string>("", null!, context, (_, _, _) => Run(handler)),
            MethodKind.DuplexStreaming => interceptor.DuplexStreamingServerHandler<string, string>(null!, null!, context, (_, _, _) => Run(handler)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static Task<string> Run(Action handler)
    {
        handler();
        return Task.FromResult("");
    }

    /// <summary>A call context carrying an authenticated caller, as Grpc.AspNetCore gives one (its HttpContext in the user state).</summary>
    private sealed class FakeCallContext : ServerCallContext
    {
        private readonly Dictionary<object, object> userState = [];

        public FakeCallContext(string method, CallerRole role)
        {
            MethodCore = method;
            var claims = new List<Claim>
            {
                new(CallerClaims.Subject, "someone"),
                new(CallerClaims.Role, CallerClaims.ClaimValueOf(role)),
                new(CallerClaims.Country, "GHA"),
                new(CallerClaims.Donor, "donor-1"),
            };
            userState["__HttpContext"] = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        }

        protected override string MethodCore { get; }
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override IDictionary<object, object> UserStateCore => userState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
