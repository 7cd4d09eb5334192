using System.Net;
using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Whose bucket a call takes: the token's subject when the caller authenticated, else the client
/// address. A value, not a string built per call (<c>"sub:" + subject</c> was an allocation on
/// every call); a subject and an address never share a bucket, since one of them is always null.
/// </summary>
internal readonly record struct CallerPartition(string? Subject, IPAddress? Address)
{
    public static CallerPartition Of(HttpContext context) =>
        context.User.FindFirst(CallerClaims.Subject)?.Value is { } subject
            ? new CallerPartition(subject, null)
            : ByAddress(context);

    public static CallerPartition ByAddress(HttpContext context) => new(null, context.Connection.RemoteIpAddress ?? IPAddress.None);
}
