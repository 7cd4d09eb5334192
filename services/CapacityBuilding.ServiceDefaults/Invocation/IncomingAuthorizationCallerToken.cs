using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>A service acts for whoever called it: the incoming request's own Authorization header.</summary>
internal sealed class IncomingAuthorizationCallerToken(IHttpContextAccessor httpContextAccessor) : ICallerToken
{
    public string? Authorization()
    {
        var authorization = httpContextAccessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        return string.IsNullOrEmpty(authorization) ? null : authorization;
    }
}
