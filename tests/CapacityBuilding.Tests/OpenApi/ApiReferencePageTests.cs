using System.Net;
using System.Text.RegularExpressions;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// The interactive reference (Swagger UI): open in Development, off elsewhere unless
/// <c>ApiReference:Enabled</c>, and served whole by the gateway: its page, scripts and styles come
/// from the suite, nothing from another origin, and in a browser, under its Content-Security-Policy,
/// it shows every documented operation.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed partial class ApiReferencePageTests(SuiteFixture suite, BrowserFixture browser)
{
    private const string SwaggerUiHeader = "x-swagger-ui-version";

    [Fact]
    public async Task Development_serves_the_page_whole_and_a_browser_shows_every_operation()
    {
        var (_, rest, _) = await suite.StartExtraGatewayAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        using var http = new HttpClient { BaseAddress = rest };

        using var page = await http.GetAsync(new Uri("/reference/index.html", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var config = await http.GetStringAsync(new Uri("/reference/index.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains(SwaggerUiHeader));
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var assets = Asset().Matches(html).Select(match => match.Groups["url"].Value).ToList();
        Assert.Contains("./swagger-ui-bundle.js", assets);
        foreach (var asset in assets)
        {
            Assert.False(Uri.TryCreate(asset, UriKind.Absolute, out _), $"{asset} is not from the suite");
            using var response = await http.GetAsync(new Uri("/reference/" + asset.TrimStart('.', '/'), UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{asset}: {(int)response.StatusCode}");
        }

        Assert.Contains("\"url\":\"/openapi/v1.json\"", config, StringComparison.Ordinal);
        Assert.DoesNotContain("validator.swagger.io", config, StringComparison.Ordinal);
        await PageShowsEveryOperationAsync(rest);
    }

    /// <summary>Under the page's Content-Security-Policy: no console error, no request to another origin.</summary>
    private async Task PageShowsEveryOperationAsync(Uri rest)
    {
        var operations = DocumentedOperation.AllOf(await DocumentedOperation.FetchDocumentAsync(rest)).Count;
        await using var context = await browser.NewContextAsync(rest);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && !request.Url.StartsWith(rest.ToString(), StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync("/reference/index.html");
        await page.Locator(".opblock").First.WaitForAsync();

        Assert.Equal(operations, await page.Locator(".opblock").CountAsync());
        Assert.Empty(errors);
        Assert.Empty(elsewhere);
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
