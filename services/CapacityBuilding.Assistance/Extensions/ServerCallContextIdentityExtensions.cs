using Grpc.Core;

namespace CapacityBuilding.Assistance.Extensions;

/// <summary>Who is calling, read in one place: the history records it as the actor of a change.</summary>
public static class ServerCallContextIdentityExtensions
{
    public const string Anonymous = "anonymous";

    /// <summary>The authenticated caller's name; <see cref="Anonymous"/> while the suite does not authenticate callers.</summary>
    public static string Actor(this ServerCallContext context) =>
        context.GetHttpContext().User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
}
