using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Testing.Portal;

/// <summary>
/// Loads a page as a browser with an empty cache would, without running its scripts: the HTML,
/// then every script, stylesheet, icon and image it references, then the fonts and images the
/// stylesheets reference, each once, all asking for Brotli or gzip. Counts the bytes as they
/// arrive (no automatic decompression), so the figure is what a slow link carries. Scripts the
/// page loads from its scripts are not seen: the portal renders on the server, and its one
/// script (blazor.web.js) fetches nothing more for static pages.
/// </summary>
public sealed partial class PageWeigher(HttpMessageInvoker client, Uri siteRoot)
{
    /// <summary>Weighs the page at <paramref name="path"/> (relative to the site root), sending <paramref name="cookies"/> as a signed-in browser would.</summary>
    public async Task<PageWeight> WeighAsync(string path, string? cookies, CancellationToken cancellationToken = default)
    {
        var pageAddress = new Uri(siteRoot, path);
        var page = await FetchAsync(pageAddress, cookies, cancellationToken);
        var resources = new List<PageResource> { page.Resource };
        var seen = new HashSet<Uri> { pageAddress };
        var stylesheets = new List<Uri>();
        foreach (var (address, isStylesheet) in ReferencesOf(page.Text, BaseOf(page.Text, pageAddress)))
        {
            if (seen.Add(address))
            {
                var fetched = await FetchAsync(address, cookies, cancellationToken);
                resources.Add(fetched.Resource);
                if (isStylesheet)
                {
                    foreach (var inner in CssUrls().Matches(fetched.Text).Select(match => match.Groups["url"].Value).Where(IsFetchable))
                    {
                        var innerAddress = new Uri(address, inner);
                        if (seen.Add(innerAddress))
                        {
                            resources.Add((await FetchAsync(innerAddress, cookies, cancellationToken)).Resource);
                        }
                    }
                }
            }
        }

        return new PageWeight(path, resources);
    }

    /// <summary>The addresses in the page's <c>script src</c>, <c>link href</c> (stylesheets, icons, preloads) and <c>img src</c>, resolved against its base.</summary>
    private static IEnumerable<(Uri Address, bool IsStylesheet)> ReferencesOf(string html, Uri baseAddress)
    {
        foreach (Match tag in Tags().Matches(html))
        {
            var attributes = tag.Value;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var reference = Attribute(attributes, name == "link" ? "href" : "src");
            if (reference is null || !IsFetchable(reference))
            {
                continue;
            }

            var rel = name == "link" ? Attribute(attributes, "rel") ?? "" : "";
            if (name == "link" && !LinkRelsLoaded.Any(loaded => rel.Contains(loaded, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            yield return (new Uri(baseAddress, WebUtility.HtmlDecode(reference)), rel.Contains("stylesheet", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The link relations a browser fetches on load (not e.g. <c>alternate</c> or <c>canonical</c>).</summary>
    private static readonly string[] LinkRelsLoaded = ["stylesheet", "icon", "preload", "modulepreload"];

    private static Uri BaseOf(string html, Uri pageAddress) =>
        BaseHref().Match(html) is { Success: true } match ? new Uri(pageAddress, WebUtility.HtmlDecode(match.Groups["href"].Value)) : pageAddress;

    /// <summary>Inline data needs no request.</summary>
    private static bool IsFetchable(string reference) => !reference.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && !reference.StartsWith('#');

    private static string? Attribute(string tag, string name) =>
        new Regex($@"\s{name}\s*=\s*(""(?<v>[^""]*)""|'(?<v>[^']*)')", RegexOptions.IgnoreCase).Match(tag) is { Success: true } match ? match.Groups["v"].Value : null;

    private async Task<(PageResource Resource, string Text)> FetchAsync(Uri address, string? cookies, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        if (cookies is not null && address.Host == siteRoot.Host && address.Port == siteRoot.Port)
        {
            request.Headers.Add("Cookie", cookies);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {address}: {(int)response.StatusCode}", null, response.StatusCode);
        }

        var wire = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
        var decoded = Decode(wire, encoding);
        return (new PageResource(address.PathAndQuery, encoding, wire.Length, decoded.Length), Encoding.UTF8.GetString(decoded));
    }

    private static byte[] Decode(byte[] wire, string encoding)
    {
        if (encoding.Length == 0)
        {
            return wire;
        }

        using Stream decompressor = encoding switch
        {
            "br" => new BrotliStream(new MemoryStream(wire), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(wire), CompressionMode.Decompress),
            _ => throw new NotSupportedException($"Content-Encoding {encoding}"),
        };
        using var decoded = new MemoryStream();
        decompressor.CopyTo(decoded);
        return decoded.ToArray();
    }

    [GeneratedRegex(@"<(?<name>script|link|img)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tags();

    [GeneratedRegex(@"<base\b[^>]*\shref\s*=\s*""(?<href>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex BaseHref();

    [GeneratedRegex(@"url\(\s*['""]?(?<url>[^'"")]+)['""]?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrls();
}
