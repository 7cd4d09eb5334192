namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// daprd's gRPC servers (dapr/dapr v1.15.0, pkg/api/grpc/server.go, NewAPIServer and
/// NewInternalServer) close the connection of a client that pings more often than every
/// <see cref="DaprdMinPingInterval"/> (grpc-go's EnforcementPolicy MinTime; past two strikes,
/// GOAWAY "too_many_pings"), which fails every call on it. Our clients reach their sidecar through
/// the handler the invocation layer gives them: it sends keepalive pings no more often. daprd
/// itself pings an idle client every 10 s and closes a connection idle for 3 minutes; .NET
/// answers the one and reconnects after the other.
/// </summary>
public sealed class DaprdKeepaliveTests
{
    private static readonly TimeSpan DaprdMinPingInterval = TimeSpan.FromSeconds(8);

    [Theory]
    [InlineData("Direct")]
    [InlineData("Dapr")]
    public void Cross_service_clients_never_ping_more_often_than_daprd_allows(string mode)
    {
        var primary = CrossServiceHandler.Primary(mode);
        Assert.True(primary.KeepAlivePingDelay == Timeout.InfiniteTimeSpan || primary.KeepAlivePingDelay >= DaprdMinPingInterval,
            $"Keepalive pings every {primary.KeepAlivePingDelay}: daprd closes the connection of a client that pings more often than every {DaprdMinPingInterval}.");
    }
}
