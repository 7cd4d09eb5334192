using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Validation;

/// <summary>The free-text rule over REST: JSON transcoding reaches the same check as gRPC.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class FreeTextRestTests(SuiteFixture suite)
{
    private readonly HttpClient rest = suite.GatewayRest;

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u001B")]
    [InlineData("\u202E")]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    public async Task A_control_or_format_character_answers_400_naming_the_field(string character)
    {
        var title = SampleData.UniqueTitle($"Rest{character}");
        using var response = await rest.PostAsJsonAsync("/v1/requests", RequestBody(title));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["assistance_request.title"], ViolatedFields(body));
    }

    [Fact]
    public async Task Decomposed_text_is_stored_composed()
    {
        var title = SampleData.UniqueTitle("Formation nume\u0301rique");
        using var created = await rest.PostAsJsonAsync("/v1/requests", RequestBody(title));
        var name = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString();

        var read = await rest.GetFromJsonAsync<JsonElement>(new Uri($"/v1/{name}", UriKind.Relative));

        Assert.Equal(title.Normalize(System.Text.NormalizationForm.FormC), read.GetProperty("title").GetString());
        Assert.NotEqual(title, read.GetProperty("title").GetString());
    }

    private static object RequestBody(string title) => new
    {
        requestingState = "GHA",
        title,
        thematicAreas = new[] { "THEMATIC_AREA_ELECTRONIC_EVIDENCE" },
    };

    private static string[] ViolatedFields(JsonElement body) =>
    [
        .. body.GetProperty("details").EnumerateArray()
            .Where(detail => detail.GetProperty("@type").GetString()!.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal))
            .SelectMany(detail => detail.GetProperty("fieldViolations").EnumerateArray())
            .Select(violation => violation.GetProperty("field").GetString() ?? ""),
    ];
}
