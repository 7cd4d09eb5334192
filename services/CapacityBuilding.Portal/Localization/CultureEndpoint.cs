using CapacityBuilding.Portal.Extensions;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CapacityBuilding.Portal.Localization;

/// <summary>
/// The language picker's form posts here: the choice is remembered in the <c>.AspNetCore.Culture</c>
/// cookie (a year) and the browser goes back to the page it came from. Anonymous, so the sign-in
/// page can be read in one's own language; antiforgery-checked like every form.
/// </summary>
public static class CultureEndpoint
{
    public const string Path = "/culture";

    public static WebApplication MapCultureEndpoint(this WebApplication app)
    {
        app.MapPost(Path, ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context) =>
        {
            if (!PortalCultures.Supported.Contains(culture))
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true });
            return Results.LocalRedirect(LocalReturnUrl.OrHome(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
