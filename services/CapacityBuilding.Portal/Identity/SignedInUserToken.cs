using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.AspNetCore.Authentication;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// The portal acts for its signed-in user: calls to the services carry the access token kept in
/// the user's server-side session (<see cref="RedisTicketStore"/>), read from the cookie's
/// authentication result of this request.
/// </summary>
internal sealed class SignedInUserToken(IHttpContextAccessor httpContextAccessor) : ICallerToken
{
    public const string AccessTokenName = "access_token";

    public string? Authorization()
    {
        var token = httpContextAccessor.HttpContext?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.GetTokenValue(AccessTokenName);
        return token is null ? null : "Bearer " + token;
    }
}
