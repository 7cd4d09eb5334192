using System.Net;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// The focal point's request list, end to end: browser → gateway → portal → assistance with the
/// signed-in user's token. The service decides what the focal point sees; the page shows it.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PortalRequestListTests(SuiteFixture suite)
{
    private readonly RequestLifecycleDriver coordinator = new(RequestLifecycleDriver.Coordinator(suite, "portal-list-coordinator"));

    [Fact]
    public async Task A_focal_point_sees_their_countrys_requests_and_never_another_countrys()
    {
        var ghanaian = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA", $"Portal list Ghana {Guid.NewGuid():N}"));
        var kenyan = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("KEN", $"Portal list Kenya {Guid.NewGuid():N}"));
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("focal-point-gha");

        var page = await browser.GetPageAsync("/requests?state=Draft");

        Assert.Contains(ghanaian.Title, page, StringComparison.Ordinal);
        Assert.DoesNotContain(kenyan.Title, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ghanaian.Name}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_filter_is_the_services_and_a_state_is_shown_by_name()
    {
        var submitted = await coordinator.CreateInStateAsync(AssistanceRequest.Types.State.Submitted,
            RequestLifecycleDriver.CompleteRequest("GHA", $"Portal filter submitted {Guid.NewGuid():N}"));
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("focal-point-gha");

        var submittedPage = await browser.GetPageAsync("/requests?state=Submitted");
        var draftPage = await browser.GetPageAsync("/requests?state=Draft");

        Assert.Contains(submitted.Title, submittedPage, StringComparison.Ordinal);
        Assert.Contains("status-submitted\">Submitted<", submittedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(submitted.Title, draftPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_the_service_refuses_shows_a_friendly_error_without_details()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("focal-point-gha");

        using var response = await browser.GetAsync("/requests?pageToken=not-a-token");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("RpcException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at CapacityBuilding", html, StringComparison.Ordinal);
    }
}
