using System.Net;
using System.Text.Json;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

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

    [Fact]
    public async Task An_app_reads_a_consented_project_alone_and_an_unconsented_or_unknown_one_is_the_same_not_found()
    {
        var (published, unpublished) = await PublishedAndUnpublishedAsync();
        var identifier = await IdentifierOfAsync(published);

        var project = (await scenario.AssistanceAsService.GetPublishedProjectAsync(new GetPublishedProjectRequest { Name = $"projects/{identifier}" })).PublishedProject;

        Assert.Equal(published.Title, project.Title);
        Assert.Equal(identifier, project.IatiIdentifier);
        Assert.Equal("25", project.Committed.Single().Units.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var publisher = identifier[..^RequestIdLength];
        foreach (var name in new[]
        {
            $"projects/{publisher}{unpublished.Name.Split('/')[1]}",
            $"projects/{publisher}0123456789abcdef0123456789abcdef",
            $"projects/XX-OTHER-1-{published.Name.Split('/')[1]}",
            "projects/",
        })
        {
            var refusal = await RichErrors.FailsWith(StatusCode.NotFound, () => scenario.AssistanceAsService.GetPublishedProjectAsync(new GetPublishedProjectRequest { Name = name }).ResponseAsync);
            Assert.Equal("RESOURCE_NOT_FOUND", refusal.ErrorInfo()?.Reason);
        }
    }

    [Fact]
    public async Task Anyone_reads_one_project_through_the_gateway_cacheable_as_the_list()
    {
        var (published, unpublished) = await PublishedAndUnpublishedAsync();
        var identifier = await IdentifierOfAsync(published);
        using var anonymous = suite.RestClient("");

        using var first = await anonymous.GetAsync(new Uri($"{Registry}/{identifier}", UriKind.Relative));
        var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Registry}/{identifier}", UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await anonymous.SendAsync(conditional);
        using var hidden = await anonymous.GetAsync(new Uri($"{Registry}/{identifier[..^RequestIdLength]}{unpublished.Name.Split('/')[1]}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(published.Title, body.GetProperty("publishedProject").GetProperty("title").GetString());
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(unpublished.Title, await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const int RequestIdLength = 32;

    /// <summary>Two funded requests of Kenya, the first consented to publication.</summary>
    private async Task<(Contracts.Assistance.V1.AssistanceRequest Published, Contracts.Assistance.V1.AssistanceRequest Unpublished)> PublishedAndUnpublishedAsync()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var published = await scenario.RequestAsync("KEN");
        var unpublished = await scenario.RequestAsync("KEN");
        await scenario.ConsentToPublishAsync(published);
        foreach (var request in new[] { published, unpublished })
        {
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 25 }));
        }

        return (published, unpublished);
    }

    /// <summary>The project's IATI identifier as the registry's list gives it (its first page holds the newest allocations).</summary>
    private async Task<string> IdentifierOfAsync(Contracts.Assistance.V1.AssistanceRequest request) =>
        (await scenario.AssistanceAsService.ListPublishedProjectsAsync(new ListPublishedProjectsRequest { PageSize = 500 })).Projects
            .Single(project => project.Title == request.Title).IatiIdentifier;

    /// <summary>The first page of the newest 500 allocations: the tests' own are among them, as tests of the collection run one at a time.</summary>
    private static async Task<List<JsonElement>> ProjectsAsync(HttpClient client, string filters)
    {
        using var response = await client.GetAsync(new Uri($"{Registry}?pageSize=500{filters}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("projects", out var projects) ? [.. projects.EnumerateArray().Select(project => project.Clone())] : [];
    }
}
