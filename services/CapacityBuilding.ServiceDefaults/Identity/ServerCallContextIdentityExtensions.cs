using Grpc.Core;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>Who is calling, read in one place.</summary>
public static class ServerCallContextIdentityExtensions
{
    public static Caller GetCaller(this ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var caller = Caller.From(http.User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid bearer token is required."));
        return caller with { RelayedBy = http.Features.Get<RelayingApp>()?.AppId };
    }
}
