using System.Net;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal;

/// <summary>The portal's answers as a browser gets them through the gateway: security headers on every page, antiforgery on every form.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class PortalSecurityTests(SuiteFixture suite)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    [InlineData("/requests")]
    [InlineData("/no-such-page")]
    public async Task Pages_carry_the_content_security_policy_and_the_security_headers(string path)
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("focal-point-gha");

        using var response = await browser.GetAsync(path);

        Assert.Equal(ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(", ", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(", ", response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_script_is_the_sites_own_so_the_policy_lets_it_load()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        var page = await browser.GetPageAsync("/signin");
        var script = System.Text.RegularExpressions.Regex.Match(page, "<script src=\"(?<src>[^\"]+)\"").Groups["src"].Value;

        using var response = await browser.GetAsync("/" + script);

        Assert.StartsWith("_framework/blazor.web.", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/signin/dev", "user=focal-point-gha")]
    [InlineData("/culture", "culture=fr")]
    [InlineData("/signout", "")]
    public async Task A_form_post_without_the_antiforgery_token_is_refused(string path, string form)
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("focal-point-gha");
        var fields = form.Length == 0 ? [] : form.Split('&').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => pair[1]);

        using var response = await browser.PostFormAsync(path, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(cookie => cookie.Contains("Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Compressed_pages_for_slow_links()
    {
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var client = new HttpClient { BaseAddress = suite.GatewayRestAddress };

        using var response = await client.SendAsync(request);

        Assert.Equal("br", string.Join(",", response.Content.Headers.ContentEncoding));
    }
}
