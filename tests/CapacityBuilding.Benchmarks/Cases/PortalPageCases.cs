using System.Diagnostics;
using System.Net;
using CapacityBuilding.Benchmarks.Load;
using CapacityBuilding.Benchmarks.Reporting;
using CapacityBuilding.Testing.Portal;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 11: every page of every demo user's navigation, plus the first request page one of
/// those pages links to, through the gateway as a browser reaches them. Per page: the bytes a
/// first load transfers (<see cref="PageWeigher"/>), then the server time of the page alone,
/// timed from the client over loopback, one request at a time (a user's wait, not a queue's).
/// Users and pages are read off the portal's own HTML, so pages added later are measured too.
/// </summary>
internal sealed class PortalPageCases(Uri gateway, int samples)
{
    /// <summary>Unmeasured loads of each page first (JIT, the services' first reads).</summary>
    private const int WarmupLoads = 3;

    public async Task<List<PortalPageResult>> MeasureAsync(string stored)
    {
        using var anonymous = new HttpClient { BaseAddress = gateway };
        var results = new List<PortalPageResult>();
        foreach (var user in await DemoSignIn.UsersAsync(anonymous))
        {
            var cookies = new CookieContainer();
            // The browser's session: pages asked for compressed (br, gzip) and decoded, as a browser does.
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = gateway };
            var cookieHeader = await DemoSignIn.SignInAsync(client, cookies, user);
            var pages = PortalNavigation.PagesOf(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
            // The weigher counts bytes as they arrive, so it reads them undecoded.
            using var raw = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
            var weigher = new PageWeigher(raw, gateway);
            string? requestPage = null;
            foreach (var page in pages)
            {
                var (result, html) = await MeasurePageAsync(client, weigher, cookieHeader, stored, user, page);
                results.Add(result);
                requestPage ??= PortalNavigation.FirstRequestPageOf(html);
            }

            if (requestPage is not null)
            {
                results.Add((await MeasurePageAsync(client, weigher, cookieHeader, stored, user, requestPage)).Result);
            }
        }

        return results;
    }

    private async Task<(PortalPageResult Result, string Html)> MeasurePageAsync(
        HttpClient client, PageWeigher weigher, string cookieHeader, string stored, string user, string page)
    {
        PageWeight weight;
        try
        {
            weight = await weigher.WeighAsync(page, cookieHeader);
        }
        catch (HttpRequestException refused)
        {
            // A page (or what it references) that does not answer is reported with the others, not measured.
            Console.WriteLine($"  11@{stored} {user,-16} {page,-45} not measured: {refused.Message}");
            return (new PortalPageResult(stored, user, page, 0, 0, 0, double.NaN, double.NaN, 0, refused.Message), "");
        }

        var (latencies, html, failure) = await TimeAsync(client, page);
        latencies.Sort();
        var result = new PortalPageResult(
            stored, user, page, weight.TransferredBytes, weight.DecodedBytes, weight.Resources.Count,
            LatencySample.Percentile(latencies, 0.50), LatencySample.Percentile(latencies, 0.95), latencies.Count, failure);
        Console.WriteLine(FormattableString.Invariant(
            $"  11@{stored} {user,-16} {page,-45} {result.TransferredBytes / 1024.0,7:0.0} KB  p50 {result.P50Ms,7:0.00} ms  p95 {result.P95Ms,7:0.00} ms{(failure is null ? "" : "  " + failure)}"));
        return (result, html);
    }

    /// <summary>Times <c>samples</c> loads of the page's HTML, one at a time, after a warm-up; returns the last HTML it got.</summary>
    private async Task<(List<double> Latencies, string Html, string? Failure)> TimeAsync(HttpClient client, string path)
    {
        var latencies = new List<double>(samples);
        var html = "";
        for (var i = -WarmupLoads; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (latencies, html, $"GET {path}: {(int)response.StatusCode}");
            }

            html = await response.Content.ReadAsStringAsync();
            if (i >= 0)
            {
                latencies.Add(elapsed);
            }
        }

        return (latencies, html, null);
    }
}
