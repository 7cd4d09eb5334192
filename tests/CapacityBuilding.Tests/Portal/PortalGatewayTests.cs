using System.Net;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Security;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// The gateway's catch-all route to the portal, as configured in its real appsettings.json: below
/// every API route, without the gateway's token policy (the portal signs its users in).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PortalGatewayTests(SuiteFixture suite)
{
    [Fact]
    public void The_portal_route_catches_what_no_api_route_does_and_comes_last()
    {
        var routes = GatewayDoorTests.ReadRoutes();
        var portal = routes.Single(route => route.Name == GatewayDoorTests.PortalRoute).Value;

        Assert.Equal("portal", portal.GetProperty("ClusterId").GetString());
        Assert.Equal("/{**rest}", portal.GetProperty("Match").GetProperty("Path").GetString());
        Assert.False(portal.TryGetProperty("AuthorizationPolicy", out _));
        var order = portal.GetProperty("Order").GetInt32();
        Assert.All(routes.Where(route => route.Name != GatewayDoorTests.PortalRoute),
            route => Assert.True(!route.Value.TryGetProperty("Order", out var other) || other.GetInt32() < order, route.Name));
    }

    [Fact]
    public async Task Only_the_portals_spreadsheet_upload_takes_bodies_over_the_gateways_limit()
    {
        var upload = GatewayDoorTests.ReadRoutes().Single(route => route.Name == GatewayDoorTests.PortalUploadRoute).Value;
        using var anonymous = suite.RestClient("");
        var twoMegabytes = new string('a', 2 * 1024 * 1024);

        using var toUpload = await anonymous.PostAsync(new Uri("/import/upload", UriKind.Relative), new StringContent(twoMegabytes));
        using var elsewhere = await anonymous.PostAsync(new Uri("/requests/new", UriKind.Relative), new StringContent(twoMegabytes));

        Assert.Equal("portal", upload.GetProperty("ClusterId").GetString());
        Assert.False(upload.TryGetProperty("AuthorizationPolicy", out _));
        // 100 MB of file (the portal's Portal:Import:MaxFileBytes) and 64 KB of form around it.
        Assert.Equal("104923136", upload.GetProperty("Metadata").GetProperty("MaxRequestBodySize").GetString());
        // The portal answers the upload itself (here: not signed in); the gateway refuses the other at its door.
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, toUpload.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_api_keeps_its_routes_and_the_rest_is_the_portal()
    {
        using var anonymous = suite.RestClient("");

        using var api = await anonymous.GetAsync(new Uri("/v1/requests", UriKind.Relative));
        using var health = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        using var signIn = await anonymous.GetAsync(new Uri("/signin", UriKind.Relative));
        var page = await signIn.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("\"portal\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", page.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_is_healthy_while_the_portal_is_down_and_says_so()
    {
        var (_, rest, _) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__portal__Destinations__primary__Address"] = SuiteFixture.Loopback(Testing.FreePort.Next()).ToString(),
        });
        using var client = new HttpClient { BaseAddress = rest };

        // Healthy already (StartExtraGatewayAsync waits for it); the portal's state is reported.
        var health = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/signin", UriKind.Relative));

        Assert.Contains("\"status\":\"Healthy\"", health, StringComparison.Ordinal);
        Assert.DoesNotContain("\"portal\":\"Healthy\"", health, StringComparison.Ordinal);
        Assert.Contains("\"portal\":", health, StringComparison.Ordinal);
        // 502 until the active health check has marked the portal down, 503 after.
        Assert.Contains(page.StatusCode, new[] { HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable });
    }

    [Fact]
    public async Task Redirects_name_the_gateways_address_not_the_portals()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);

        using var response = await browser.GetAsync("/requests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(suite.GatewayRestAddress.Authority, response.Headers.Location!.Authority);
    }
}
