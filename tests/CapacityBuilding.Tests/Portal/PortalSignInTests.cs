using System.Net;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// Signing in to the portal through the gateway, as a browser does: a page needs a session, the
/// Development sign-in lists the demo users, and the session cookie carries no token.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PortalSignInTests(SuiteFixture suite)
{
    [Fact]
    public async Task An_anonymous_visit_to_a_page_goes_to_sign_in_and_comes_back_after()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);

        using var response = await browser.GetAsync("/requests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Frequests", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_sign_in_lists_the_demo_users_of_both_countries_and_every_role()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);

        var page = await browser.GetPageAsync("/signin");

        foreach (var user in new[] { "focal-point-gha", "focal-point-ken", "coordinator", "donor-norway", "auditor" })
        {
            Assert.Contains($"value=\"{user}\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_demo_user_signs_in_with_a_cookie_that_holds_no_token_and_sees_their_role()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);

        using var signedIn = await browser.SignInAsync("focal-point-gha", "/requests");
        var home = await browser.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/requests", signedIn.Headers.Location!.OriginalString);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, cookie => cookie.StartsWith(".CapacityBuilding.Portal.Session=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            // A JWT (header, payload) always starts with "eyJ", base64 of '{"'.
            Assert.DoesNotContain("eyJ", cookie, StringComparison.Ordinal);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("Focal point of Ghana", home, StringComparison.Ordinal);
        Assert.Contains("Ghana", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_donor_signs_in_as_the_donor_the_demo_data_names()
    {
        var norway = await new Contracts.Funding.V1.FundingService.FundingServiceClient(suite.Gateway)
            .CreateDonorAsync(new Contracts.Funding.V1.CreateDonorRequest
            {
                Donor = new Contracts.Funding.V1.Donor { DisplayName = "Norway", Kind = Contracts.Funding.V1.Donor.Types.Kind.State, Country = "NOR" },
                RequestId = "portal-sign-in-norway",
            });
        using var browser = new PortalSession(suite.GatewayRestAddress);

        using var signedIn = await browser.SignInAsync("donor-norway");
        var home = await browser.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("donors/", norway.Donor.Name, StringComparison.Ordinal);
        Assert.Contains("Donor: Norway", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("coordinator");
        var home = await browser.GetPageAsync("/");

        using var signedOut = await browser.PostFormAsync("/signout", new Dictionary<string, string> { ["__RequestVerificationToken"] = PortalSession.AntiforgeryTokenOf(home) });
        using var after = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/signin", after.Headers.Location!.AbsolutePath);
    }
}
