using System.Net;
using System.Text.RegularExpressions;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// The interactive reference (Swagger UI): open in Development, off elsewhere unless
/// <c>ApiReference:Enabled</c>, and served whole by the gateway: its page, scripts and styles come
/// from the suite, nothing from another origin.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed partial class ApiReferencePageTests(SuiteFixture suite)
{
    private const string SwaggerUiHeader = "x-swagger-ui-version";

    [Fact]
    public async Task Development_serves_the_page_and_its_assets_from_the_gateway()
    {
        var (_, rest, _) = await suite.StartExtraGatewayAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        using var browser = new HttpClient { BaseAddress = rest };

        using var page = await browser.GetAsync(new Uri("/reference/index.html", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var config = await browser.GetStringAsync(new Uri("/reference/index.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains(SwaggerUiHeader));
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var assets = Asset().Matches(html).Select(match => match.Groups["url"].Value).ToList();
        Assert.Contains("./swagger-ui-bundle.js", assets);
        foreach (var asset in assets)
        {
            Assert.False(Uri.TryCreate(asset, UriKind.Absolute, out _), $"{asset} is not from the suite");
            using var response = await browser.GetAsync(new Uri("/reference/" + asset.TrimStart('.', '/'), UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{asset}: {(int)response.StatusCode}");
        }

        Assert.Contains("\"url\":\"/openapi/v1.json\"", config, StringComparison.Ordinal);
        Assert.DoesNotContain("validator.swagger.io", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_page_is_off_unless_enabled_where_configured()
    {
        using var fixtureGateway = new HttpClient { BaseAddress = suite.GatewayRestAddress };
        var (_, rest, _) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ApiReference__Enabled"] = "true",
            ["ApiReference__Path"] = "/api-docs",
        });
        using var enabled = new HttpClient { BaseAddress = rest };

        using var off = await fixtureGateway.GetAsync(new Uri("/reference/index.html", UriKind.Relative));
        using var on = await enabled.GetAsync(new Uri("/api-docs/index.html", UriKind.Relative));
        using var document = await fixtureGateway.GetAsync(new Uri(DocumentedOperation.DocumentPath, UriKind.Relative));

        Assert.False(off.Headers.Contains(SwaggerUiHeader), "the Testing gateway serves the reference page");
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.True(on.Headers.Contains(SwaggerUiHeader));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)""")]
    private static partial Regex Asset();
}
