using System.Net;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// Outside Development only the identity provider signs users in: the demo sign-in does not
/// exist, and /signin starts OpenID Connect. The provider is never reached: the test stops at
/// the redirect the portal answers. Its settings are checked at start.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PortalOutsideDevelopmentTests(SuiteFixture suite)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> IdentityProvider = new()
    {
        ["Portal__Oidc__Authority"] = "https://login.example.org/realms/unodc",
        ["Portal__Oidc__ClientId"] = "capacitybuilding-portal",
        ["Portal__Oidc__ApiScope"] = "capacitybuilding-api",
    };

    [Fact]
    public async Task The_demo_sign_in_does_not_exist_and_sign_in_goes_to_the_identity_provider()
    {
        var (_, address) = await suite.StartExtraPortalAsync("Production", IdentityProvider);
        using var browser = new PortalSession(address);

        using var demo = await browser.PostFormAsync("/signin/dev", new Dictionary<string, string> { ["user"] = "coordinator" });
        using var signIn = await browser.GetAsync("/signin?ReturnUrl=%2Frequests");
        var signInPage = await signIn.Content.ReadAsStringAsync();

        // No endpoint: 404, or 405 where only Blazor's GET route for the not-found page matches the path.
        Assert.Contains(demo.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.False(demo.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.Contains("Session", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/signin/oidc?returnUrl=%2Frequests", new Uri(address, signIn.Headers.Location!).PathAndQuery);
        Assert.DoesNotContain("coordinator", signInPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Portal__Oidc__Authority", "http://login.example.org/realms/unodc", "Portal:Oidc:Authority")]
    [InlineData("Portal__Oidc__ClientId", " ", "Portal:Oidc:ClientId")]
    [InlineData("Portal__Oidc__ApiScope", " ", "Portal:Oidc:ApiScope")]
    public async Task A_portal_with_an_unsafe_or_incomplete_identity_provider_does_not_start(string variable, string value, string key)
    {
        var settings = suite.PortalSettings("Production", new Dictionary<string, string>(IdentityProvider) { [variable] = value });

        await using var process = ServiceProcess.Start("portal", "services/CapacityBuilding.Portal", settings, "--urls", SuiteFixture.Loopback(FreePort.Next()).ToString());
        var exitCode = await process.WaitForExitAsync(ExitTimeout);

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, process.RecentOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_sign_in_needs_the_dev_signing_key()
    {
        var settings = suite.PortalSettings("Development", new Dictionary<string, string>());
        settings["Authentication__Jwt__SigningKey"] = "";

        await using var process = ServiceProcess.Start("portal", "services/CapacityBuilding.Portal", settings, "--urls", SuiteFixture.Loopback(FreePort.Next()).ToString());
        var exitCode = await process.WaitForExitAsync(ExitTimeout);

        Assert.NotEqual(0, exitCode ?? 0);
        Assert.Contains("Authentication:Jwt:SigningKey", process.RecentOutput, StringComparison.Ordinal);
    }
}
