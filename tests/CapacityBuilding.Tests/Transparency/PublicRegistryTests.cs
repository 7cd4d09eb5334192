using System.Net;
using System.Text.Json;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;

namespace CapacityBuilding.Tests.Transparency;

/// <summary>
/// The public registry (<c>GET /v1/public/projects</c> through the gateway, no token): published
/// projects by requesting state, theme and status with their funding, the consented requests only
/// whatever the filter, cacheable as the public IATI file is.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PublicRegistryTests(SuiteFixture suite)
{
    private const string Registry = "/v1/public/projects";

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Anyone_lists_consented_projects_with_their_funding_by_state_theme_and_status_and_never_the_others()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var published = await scenario.RequestAsync("KEN", themes: [ThematicArea.Legislation]);
        var unpublished = await scenario.RequestAsync("KEN", themes: [ThematicArea.Legislation]);
        await scenario.ConsentToPublishAsync(published);
        foreach (var request in new[] { published, unpublished })
        {
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 25 }));
        }

        using var anonymous = suite.RestClient("");
        var all = await ProjectsAsync(anonymous, "");
        var byState = await ProjectsAsync(anonymous, "&requestingState=KEN&thematicArea=THEMATIC_AREA_LEGISLATION&iatiActivityStatus=1");
        var otherState = await ProjectsAsync(anonymous, "&requestingState=PRY");

        var project = all.Single(candidate => candidate.GetProperty("title").GetString() == published.Title);
        Assert.Equal("KEN", project.GetProperty("requestingState").GetString());
        Assert.Equal("25", project.GetProperty("committed")[0].GetProperty("units").GetString());
        Assert.Contains(byState, candidate => candidate.GetProperty("title").GetString() == published.Title);
        Assert.DoesNotContain(otherState, candidate => candidate.GetProperty("title").GetString() == published.Title);
        foreach (var listing in new[] { all, byState, otherState })
        {
            Assert.DoesNotContain(listing, candidate => candidate.GetProperty("title").GetString() == unpublished.Title);
            Assert.All(listing, candidate => Assert.False(candidate.TryGetProperty("focalPoint", out _)));
        }
    }

    [Fact]
    public async Task The_registry_answers_304_while_unchanged()
    {
        using var anonymous = suite.RestClient("");
        using var first = await anonymous.GetAsync(new Uri(Registry, UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Registry, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    /// <summary>The first page of the newest 500 allocations: the tests' own are among them, as tests of the collection run one at a time.</summary>
    private static async Task<List<JsonElement>> ProjectsAsync(HttpClient client, string filters)
    {
        using var response = await client.GetAsync(new Uri($"{Registry}?pageSize=500{filters}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("projects", out var projects) ? [.. projects.EnumerateArray().Select(project => project.Clone())] : [];
    }
}
