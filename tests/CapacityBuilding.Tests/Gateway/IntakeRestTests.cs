using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Gateway;

/// <summary>The intake methods over REST through the gateway: each has a route to assistance.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class IntakeRestTests(SuiteFixture suite)
{
    private readonly HttpClient rest = suite.GatewayRest;

    [Fact]
    public async Task Convention_statuses_reports_and_overlaps_answer_over_rest()
    {
        using var patch = await rest.PatchAsJsonAsync("/v1/conventionStatuses/KEN?allowMissing=true&updateMask=*", new
        {
            status = "STATUS_SIGNATORY",
            signatureDate = new { year = 2025, month = 10, day = 25 },
            source = "REST test",
        });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var request = await new RequestLifecycleDriver(RequestLifecycleDriver.Coordinator(suite, "intake-rest-coordinator"))
            .CreateInStateAsync(Contracts.Assistance.V1.AssistanceRequest.Types.State.UnderReview, IntakeSamples.InYear("KEN"));

        Assert.Equal("STATUS_SIGNATORY", (await GetAsync("/v1/conventionStatuses/KEN")).GetProperty("status").GetString());
        Assert.Contains((await GetAsync("/v1/conventionStatuses?pageSize=500")).GetProperty("conventionStatuses").EnumerateArray(),
            status => status.GetProperty("name").GetString() == "conventionStatuses/KEN");
        Assert.Equal("KEN", (await GetAsync("/v1/pipelineReport?requestingState=KEN")).GetProperty("states")[0].GetProperty("requestingState").GetString());
        Assert.Equal("STATUS_SIGNATORY",
            (await GetAsync("/v1/conventionCoverage?requestingState=KEN")).GetProperty("states")[0].GetProperty("conventionStatus").GetString());
        Assert.Equal(JsonValueKind.Object, (await GetAsync($"/v1/{request.Name}:findOverlaps")).ValueKind);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await rest.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
