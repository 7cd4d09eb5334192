using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// JwtBearer, with the tokens it accepted remembered (<see cref="AuthenticatedTokens"/>): a header
/// seen before and not yet expired authenticates without JwtBearer's per-call work, any other
/// goes through JwtBearer's full validation and its events unchanged. Challenges and refusals are
/// JwtBearer's own (<see cref="GatewayAuthenticationAnswers"/>).
/// </summary>
internal sealed class RememberingJwtBearerHandler(IOptionsMonitor<JwtBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticatedTokens tokens)
    : JwtBearerHandler(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        if (authorization.Count != 1 || authorization[0] is not { Length: > 0 } header)
        {
            return base.HandleAuthenticateAsync();
        }

        // Not an async method: a remembered header gets the very task remembered, no new one per call.
        return tokens.TryGet(header, out var remembered) ? remembered : AuthenticateAndRememberAsync(header);
    }

    private async Task<AuthenticateResult> AuthenticateAndRememberAsync(string header)
    {
        var result = await base.HandleAuthenticateAsync();
        tokens.Remember(header, result);
        return result;
    }
}
