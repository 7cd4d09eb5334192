using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Gateway;

/// <summary>The same methods as JSON/REST through the gateway (gRPC JSON transcoding).</summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayRestTests(SuiteFixture suite)
{
    private readonly HttpClient rest = suite.GatewayRest;

    [Fact]
    public async Task Course_request_donor_and_pledge_round_trip_over_rest()
    {
        var course = await PostAsync("/v1/courses", new
        {
            title = SampleData.UniqueTitle("Investigación de ransomware"),
            thematicAreas = new[] { "THEMATIC_AREA_OFFENCES_AGAINST_SYSTEMS" },
            languages = new[] { "es" },
            level = "COURSE_LEVEL_INTERMEDIATE",
            targetAudiences = new[] { "TARGET_AUDIENCE_INVESTIGATORS" },
            deliveryMode = "DELIVERY_MODE_IN_PERSON",
            durationHours = 35,
            maxClassSize = 20,
        });
        var courseName = course.GetProperty("name").GetString()!;
        var request = await PostAsync("/v1/requests", new
        {
            requestingState = "PRY",
            title = SampleData.UniqueTitle("Ransomware response"),
            thematicAreas = new[] { "THEMATIC_AREA_OFFENCES_AGAINST_SYSTEMS" },
            courses = new[] { courseName },
        });
        var donor = await PostAsync("/v1/donors", new { displayName = "European Union", kind = "KIND_MULTILATERAL" });
        var pledge = await PostAsync($"/v1/{donor.GetProperty("name").GetString()}/pledges", new
        {
            amount = new { currencyCode = "EUR", units = "4000000", nanos = 0 },
            validFrom = new { year = 2026, month = 1, day = 1 },
            validUntil = new { year = 2028, month = 12, day = 31 },
        });

        var readCourse = await GetAsync($"/v1/{courseName}");
        var readRequest = await GetAsync($"/v1/{request.GetProperty("name").GetString()}");
        var readPledge = await GetAsync($"/v1/{pledge.GetProperty("name").GetString()}");

        Assert.Equal(course.GetProperty("title").GetString(), readCourse.GetProperty("title").GetString());
        Assert.Equal("STATE_DRAFT", readRequest.GetProperty("state").GetString());
        Assert.Equal(courseName, readRequest.GetProperty("courses")[0].GetString());
        Assert.Equal("4000000", readPledge.GetProperty("amount").GetProperty("units").GetString());
    }

    [Fact]
    public async Task Invalid_fields_answer_400_with_the_fields_named()
    {
        using var response = await rest.PostAsJsonAsync("/v1/requests", new
        {
            requestingState = "XXX",
            title = "",
            thematicAreas = Array.Empty<string>(),
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var fields = body.GetProperty("details").EnumerateArray()
            .Where(detail => detail.GetProperty("@type").GetString()!.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal))
            .SelectMany(detail => detail.GetProperty("fieldViolations").EnumerateArray())
            .Select(violation => violation.GetProperty("field").GetString())
            .ToList();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, body.GetProperty("code").GetInt32());
        Assert.Equal(
            ["assistance_request.requesting_state", "assistance_request.title", "assistance_request.thematic_areas"],
            fields);
    }

    [Fact]
    public async Task Missing_resource_answers_404()
    {
        using var response = await rest.GetAsync(new Uri("/v1/courses/0123456789abcdef0123456789abcdef", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(5, body.GetProperty("code").GetInt32());
        Assert.DoesNotContain("Exception", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_path_is_not_forwarded()
    {
        using var response = await rest.GetAsync(new Uri("/v1/secrets", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await rest.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await rest.GetAsync(new Uri(path, UriKind.Relative));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {json}");
        return json;
    }
}
