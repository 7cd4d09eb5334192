using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Funding.Iati;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using AssistanceRequest = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest;

namespace CapacityBuilding.Tests.Transparency;

/// <summary>
/// The public IATI file (<c>GET /v1/public/iatiActivities</c> through the gateway, no token): only
/// the activities whose requesting state consented, by no path anything of the others (the file,
/// its pages, their tokens, the errors), with validators that answer conditional requests 304.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PublicIatiFileTests(SuiteFixture suite)
{
    private const string PublicFile = "/v1/public/iatiActivities";

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Anyone_reads_the_consented_activities_and_nothing_of_the_others_on_any_page_token_or_error()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var published = await scenario.RequestAsync("KEN");
        var unpublished = await scenario.RequestAsync("PRY");
        await scenario.ConsentToPublishAsync(published);
        var allocations = new List<Allocation>();
        foreach (var request in new[] { unpublished, published, unpublished })
        {
            allocations.Add((await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }))).Allocation);
        }

        // Tests of the collection run one at a time, so the three newest allocations are these: pages of
        // one walk them (the first holds no activity, the second the published one, the third resumes
        // after the unpublished request's oldest allocation), and the fourth resumes after that.
        using var anonymous = suite.RestClient("");
        var bodies = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            using var page = await anonymous.GetAsync(new Uri($"{PublicFile}?pageSize=1&pageToken={token}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.Content.ReadAsStringAsync();
            bodies.Add(body);
            token = JsonDocument.Parse(body).RootElement.TryGetProperty("nextPageToken", out var next) ? next.GetString()! : "";
            bodies.Add(DecodedOrEmpty(token));
        }
        while (token.Length > 0 && ++pages < 4);
        using var forged = await anonymous.GetAsync(new Uri($"{PublicFile}?pageToken={Base64Url(allocations[0].Name)}", UriKind.Relative));
        bodies.Add(await forged.Content.ReadAsStringAsync());

        var everything = string.Join("\n", bodies);
        Assert.Contains(IdOf(published), everything, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        foreach (var secret in new[] { unpublished.Name["requests/".Length..], unpublished.Title }.Concat(allocations.Select(allocation => allocation.Name.Split('/')[^1])))
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        var files = bodies.Where(body => body.StartsWith('{')).Select(body => JsonDocument.Parse(body).RootElement)
            .Where(page => page.TryGetProperty("xml", out _)).Select(page => page.GetProperty("xml").GetString()!).Where(xml => xml.Length > 0).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, xml => Assert.Empty(IatiValidation.Problems(xml)));
    }

    [Fact]
    public async Task The_file_carries_validators_answers_304_while_unchanged_and_changes_when_consent_is_withdrawn()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync("GHA");
        await scenario.ConsentToPublishAsync(request);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }));
        using var anonymous = suite.RestClient("");
        var firstPage = new Uri($"{PublicFile}?pageSize=1", UriKind.Relative);

        using var first = await anonymous.GetAsync(firstPage);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        using var sameTag = await SendAsync(anonymous, firstPage, headers => headers.IfNoneMatch.Add(etag));
        using var sameTime = await SendAsync(anonymous, firstPage, headers => headers.IfModifiedSince = lastModified);
        // HTTP dates are whole seconds: a change within the second of the last one could not be told apart by date.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await scenario.ConsentToPublishAsync(request, publish: false);
        using var afterWithdrawal = await SendAsync(anonymous, firstPage, headers => headers.IfNoneMatch.Add(etag));
        using var afterWithdrawalByTime = await SendAsync(anonymous, firstPage, headers => headers.IfModifiedSince = lastModified);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(IdOf(request), await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal((HttpStatusCode.NotModified, 0), (sameTag.StatusCode, (await sameTag.Content.ReadAsByteArrayAsync()).Length));
        Assert.Equal(HttpStatusCode.NotModified, sameTime.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterWithdrawal.StatusCode);
        Assert.NotEqual(etag, afterWithdrawal.Headers.ETag);
        Assert.DoesNotContain(IdOf(request), await afterWithdrawal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterWithdrawalByTime.StatusCode);
    }

    [Fact]
    public async Task Public_readers_over_their_own_limit_are_answered_429()
    {
        var (process, rest, _) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["RateLimiting__PublicBurstLimit"] = "2",
            ["RateLimiting__PublicPermitsPerMinute"] = "1",
        });
        await using var _ = process;
        using var anonymous = new HttpClient { BaseAddress = rest };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.GetAsync(new Uri(PublicFile, UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_signed_in_user_gets_the_same_public_view_and_cannot_call_the_public_method_as_itself()
    {
        using var signedIn = suite.RestClient(suite.Tokens.Mint(ServiceDefaults.Identity.CallerRole.Coordinator, "public-reader"));

        using var viaPublicRoute = await signedIn.GetAsync(new Uri(PublicFile, UriKind.Relative));
        var asCoordinator = () => scenario.Funding.ExportPublicIatiActivitiesAsync(new ExportPublicIatiActivitiesRequest()).ResponseAsync;

        Assert.Equal(HttpStatusCode.OK, viaPublicRoute.StatusCode);
        await RichErrors.FailsWith(Grpc.Core.StatusCode.PermissionDenied, asCoordinator);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri path, Action<HttpRequestHeaders> conditions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        conditions(request.Headers);
        return await client.SendAsync(request);
    }

    private static string IdOf(AssistanceRequest request) => $"XM-DAC-41128-{request.Name["requests/".Length..]}";

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>What a token says if it were merely encoded, to show it is not.</summary>
    private static string DecodedOrEmpty(string token)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
