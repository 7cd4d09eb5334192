using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>The authentication schemes of a service, by name (<see cref="ServiceAuthenticationExtensions"/>).</summary>
public static class ServiceAuthenticationSchemes
{
    /// <summary>People's tokens in <c>authorization</c>: the users' issuer (an OIDC authority or the shared key), never role <c>service</c>.</summary>
    public const string User = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>An app's own token in <c>authorization</c>, for reads it makes as itself: the services' issuer and key, role <c>service</c> only.</summary>
    public const string App = "ServiceToken";

    /// <summary>The token of the app relaying the call, in <see cref="RelayingAppHeader"/>: checked as <see cref="App"/>.</summary>
    public const string RelayingApp = "RelayingApp";

    /// <summary>The default: <see cref="App"/> for a bearer token of the services' issuer, else <see cref="User"/>.</summary>
    public const string UserOrApp = "UserOrApp";
}
