using System.Net;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;

namespace CapacityBuilding.Tests.Portal.Dashboards;

/// <summary>
/// A page whose service call is refused ends on the error page with a plain message in the user's
/// language and a 4xx status, never a 500. The dashboards once answered 500 when the funding
/// summary was refused (TOTAL_OUT_OF_RANGE).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DashboardRefusalTests(SuiteFixture suite)
{
    [Theory]
    [InlineData("en", "A total is too large to show.")]
    [InlineData("fr", "Un total est trop élevé pour être affiché.")]
    [InlineData("es", "Un total es demasiado grande para mostrarse.")]
    public async Task A_refused_funding_summary_is_a_plain_message_in_the_users_language(string culture, string message)
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        browser.Cookies.Add(browser.Address, new Cookie(".AspNetCore.Culture", $"c={culture}|uic={culture}"));
        using var signedIn = await browser.SignInAsync(DemoUsers.Coordinator);

        string html;
        HttpStatusCode status;
        await using (await TotalsBeyondRange.ProgrammeAsync(suite))
        {
            using var response = await browser.GetAsync("/dashboards");
            (status, html) = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalSession.MissingStringMarker, html, StringComparison.Ordinal);
        Assert.DoesNotContain("TOTAL_OUT_OF_RANGE", html, StringComparison.Ordinal);
        await browser.GetPageAsync("/dashboards");
    }
}
