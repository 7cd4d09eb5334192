using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Funding.Iati;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Portal.Registry;

/// <summary>
/// The public registry's pages, signed out, through the gateway: the consented projects with the
/// public API's filters, a project's page, the IATI file of every page of the public export;
/// nothing of a request whose state did not consent by any of them; cacheable; in every language.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class PublicRegistryPageTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_visitor_signed_out_sees_consented_projects_filtered_and_their_pages_and_nothing_of_the_others()
    {
        var published = await scenario.PublishedProjectAsync("KEN");
        var unpublished = await scenario.PublishedProjectAsync("KEN", publish: false);
        var identifier = await IatiIdentifierAsync(published);
        // Identifiers are the reporting organisation's, a hyphen, the request's id: the unpublished one's, were it listed.
        var unpublishedIdentifier = identifier[..^IdOf(published).Length] + IdOf(unpublished);
        using var visitor = new PortalSession(suite.GatewayRestAddress);

        var all = await visitor.GetPageAsync("/registry");
        var kenya = await visitor.GetPageAsync("/registry?state=KEN&status=1");
        var paraguay = await visitor.GetPageAsync("/registry?state=PRY");
        var project = await visitor.GetPageAsync($"/registry/projects/{Uri.EscapeDataString(identifier)}");
        using var hidden = await visitor.GetAsync($"/registry/projects/{Uri.EscapeDataString(unpublishedIdentifier)}");

        Assert.Contains(published.Title, all, StringComparison.Ordinal);
        Assert.Contains(published.Title, kenya, StringComparison.Ordinal);
        Assert.DoesNotContain(published.Title, paraguay, StringComparison.Ordinal);
        Assert.Contains($"<h1>{published.Title}</h1>", project, StringComparison.Ordinal);
        Assert.Contains("USD", project, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        foreach (var page in new[] { all, kenya, paraguay, project, await hidden.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(unpublished.Title, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_IATI_file_holds_every_consented_activity_of_every_page_and_no_other_and_passes_IATIs_checks()
    {
        var published = await scenario.PublishedProjectAsync("SEN");
        var unpublished = await scenario.PublishedProjectAsync("SEN", publish: false);
        // One allocation a page: the file is made of as many pages as there are funded requests.
        var (_, portal) = await suite.StartExtraPortalAsync("Development", new Dictionary<string, string> { ["Portal__Exports__PageSize"] = "1" });
        using var visitor = new PortalSession(portal);

        using var response = await visitor.GetAsync("/registry/iati-activities.xml");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, TimeSpan.FromSeconds(60), true), (response.Headers.CacheControl!.Public, response.Headers.CacheControl.MaxAge, response.Headers.CacheControl.MustRevalidate));
        var activities = XDocument.Parse(xml).Root!.Elements("iati-activity").ToList();
        Assert.True(activities.Count >= 1);
        Assert.Contains(activities, activity => (string?)activity.Element("title")?.Element("narrative") == published.Title);
        Assert.DoesNotContain(unpublished.Title, xml, StringComparison.Ordinal);
        Assert.Equal(activities.Count, activities.Select(activity => (string?)activity.Element("iati-identifier")).Distinct().Count());
        Assert.Empty(IatiValidation.Problems(xml));
    }

    [Fact]
    public async Task A_request_marked_security_sensitive_leaves_every_public_output_at_once_and_its_state_cannot_consent_while_it_is()
    {
        var published = await scenario.PublishedProjectAsync("UGA");
        var identifier = await IatiIdentifierAsync(published);
        using var visitor = new PortalSession(suite.GatewayRestAddress);
        using var anonymous = suite.RestClient("");
        var before = await visitor.GetPageAsync("/registry");

        var marked = (await scenario.Assistance.SetAssistanceRequestSecuritySensitiveAsync(new SetAssistanceRequestSecuritySensitiveRequest
        {
            Name = published.Name, SecuritySensitive = true, Reason = "Names an ongoing investigation",
        })).AssistanceRequest;
        var registry = await visitor.GetPageAsync("/registry?state=UGA");
        using var project = await visitor.GetAsync($"/registry/projects/{Uri.EscapeDataString(identifier)}");
        using var file = await visitor.GetAsync("/registry/iati-activities.xml");
        var api = await anonymous.GetStringAsync(new Uri("/v1/public/projects?pageSize=500", UriKind.Relative));
        var publicFile = await anonymous.GetStringAsync(new Uri("/v1/public/iatiActivities?pageSize=500", UriKind.Relative));
        var export = await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest { PageSize = 500 });
        var refusal = await RichErrors.FailsWith(Grpc.Core.StatusCode.FailedPrecondition, () => scenario.ConsentToPublishAsync(published));
        var history = await scenario.Assistance.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = published.Name, PageSize = 100 });

        Assert.Contains(published.Title, before, StringComparison.Ordinal);
        Assert.True(marked.SecuritySensitive);
        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
        foreach (var output in new[] { registry, await project.Content.ReadAsStringAsync(), await file.Content.ReadAsStringAsync(), api, publicFile, export.Xml })
        {
            Assert.DoesNotContain(published.Title, output, StringComparison.Ordinal);
        }

        Assert.Equal(ErrorReasons.RequestSecuritySensitive, refusal.ErrorInfo()?.Reason);
        var entry = history.HistoryEntries.Last();
        Assert.Equal((HistoryEntry.Types.Action.SecurityMarking, "Names an ongoing investigation"), (entry.Action, entry.Reason));
    }

    [Fact]
    public async Task Registry_pages_may_be_kept_by_the_visitors_own_browser_for_a_minute()
    {
        using var visitor = new PortalSession(suite.GatewayRestAddress);

        using var response = await visitor.GetAsync("/registry");
        using var signIn = await visitor.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, false, TimeSpan.FromSeconds(60)), (response.Headers.CacheControl!.Private, response.Headers.CacheControl.NoStore, response.Headers.CacheControl.MaxAge));
        Assert.Contains("Cookie", response.Headers.Vary);
        Assert.True(signIn.Headers.CacheControl!.NoStore);
    }

    public static TheoryData<string, string> TitlesByLanguage => new()
    {
        { "en", "Public registry of projects" },
        { "fr", "Registre public des projets" },
        { "es", "Registro público de proyectos" },
        { "ar", "السجل العام للمشاريع" },
        { "ru", "Открытый реестр проектов" },
        { "zh", "项目公开登记册" },
    };

    [Theory]
    [MemberData(nameof(TitlesByLanguage))]
    public async Task The_registry_speaks_every_language_of_the_portal(string language, string title)
    {
        using var visitor = new PortalSession(suite.GatewayRestAddress);
        visitor.Cookies.Add(suite.GatewayRestAddress, new Cookie(".AspNetCore.Culture", $"c={language}|uic={language}"));

        var page = await visitor.GetPageAsync("/registry");

        Assert.Contains($"<h1>{title}</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", page, StringComparison.Ordinal);
    }

    private static string IdOf(AssistanceRequest request) => request.Name["requests/".Length..];

    /// <summary>The project's IATI identifier, as the public API lists it.</summary>
    private async Task<string> IatiIdentifierAsync(AssistanceRequest request)
    {
        using var anonymous = suite.RestClient("");
        var body = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/v1/public/projects?pageSize=500", UriKind.Relative))).RootElement;
        return body.GetProperty("projects").EnumerateArray()
            .Single(project => project.GetProperty("title").GetString() == request.Title)
            .GetProperty("iatiIdentifier").GetString()!;
    }
}
