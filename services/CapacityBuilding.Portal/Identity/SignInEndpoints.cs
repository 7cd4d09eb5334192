using CapacityBuilding.Portal.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// Sign-in and sign-out. <c>POST /signin/dev</c> exists only in Development (elsewhere it is 404);
/// <c>/signin/oidc</c> starts the identity provider's sign-in everywhere else. Both posts check
/// the antiforgery token: a minimal API that binds a form does, so sign-out binds one it does not read.
/// </summary>
public static class SignInEndpoints
{
    public const string DevSignInPath = "/signin/dev";
    public const string OidcSignInPath = "/signin/oidc";
    public const string SignOutPath = "/signout";

    public static WebApplication MapSignInEndpoints(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapPost(DevSignInPath, async ([FromForm] string user, [FromForm] string? returnUrl, HttpContext context, DevSignIn signIn) =>
                await signIn.SignInAsync(context, user) ? Results.LocalRedirect(LocalReturnUrl.OrHome(returnUrl)) : Results.BadRequest())
                .AllowAnonymous();
            app.MapPost(SignOutPath, ([FromForm] IFormCollection form) => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieAuthenticationDefaults.AuthenticationScheme]));
        }
        else
        {
            app.MapGet(OidcSignInPath, (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl.OrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous();
            // Ends the identity provider's session too, so the next sign-in asks again.
            app.MapPost(SignOutPath, ([FromForm] IFormCollection form) => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        }

        return app;
    }
}
