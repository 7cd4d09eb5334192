using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Training;

/// <summary>The catalogue's nested resources and custom methods over REST through the gateway's existing routes.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class TrainingRestTests(SuiteFixture suite)
{
    private readonly HttpClient rest = suite.GatewayRest;
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    [Fact]
    public async Task Enrol_cancel_search_and_match_over_rest()
    {
        // A window of its own: other tests' e-evidence courses fill the top matches of nearer
        // years, and only a course scoring 100 in its own window is sure to be listed.
        var window = new DateTimeOffset(DateTimeOffset.UtcNow.Year + 12, 3, 9, 8, 0, 0, TimeSpan.Zero);
        var course = await setup.CourseAsync();
        var session = await setup.SessionAsync(course, seats: 1, start: window);

        var first = await PostAsync($"/v1/{session.Name}/enrolments", new { participantName = "Kofi Boateng", email = "kofi@police.example.org", nationality = "GHA", institution = "Ghana Police Service" });
        var second = await PostAsync($"/v1/{session.Name}/enrolments", new { participantName = "Efua Asante", email = "efua@police.example.org", nationality = "GHA", institution = "Ghana Police Service" });
        var cancelled = await PostAsync($"/v1/{first.GetProperty("name").GetString()}:cancel", new { });
        var sessions = await rest.GetFromJsonAsync<JsonElement>($"/v1/{course.Name}/sessions");
        var search = await rest.GetFromJsonAsync<JsonElement>($"/v1/courses:search?query={Uri.EscapeDataString(course.Title)}");
        var match = await PostAsync("/v1/courses:match", new
        {
            thematicAreas = new[] { "THEMATIC_AREA_ELECTRONIC_EVIDENCE" },
            languages = new[] { "es" },
            audiences = new[] { "TARGET_AUDIENCE_INVESTIGATORS" },
            earliestStart = new { year = window.Year, month = window.Month, day = window.Day - 1 },
            latestEnd = new { year = window.Year, month = window.Month, day = window.Day + 10 },
            maxResults = 50,
        });

        Assert.Equal("ENROLMENT_STATE_WAITLISTED", second.GetProperty("state").GetString());
        Assert.Equal(second.GetProperty("name").GetString(), cancelled.GetProperty("promotedEnrolment").GetProperty("name").GetString());
        Assert.Equal(session.Name, sessions.GetProperty("sessions")[0].GetProperty("name").GetString());
        Assert.Equal(course.Name, search.GetProperty("courses")[0].GetProperty("name").GetString());
        Assert.Contains(course.Name, match.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("course").GetString()));
    }

    [Fact]
    public async Task A_duplicate_participant_answers_409_over_rest()
    {
        var session = await setup.SessionAsync();
        var participant = new { participantName = "Kofi Boateng", email = "kofi@police.example.org", nationality = "GHA", institution = "Ghana Police Service" };
        await PostAsync($"/v1/{session.Name}/enrolments", participant);

        using var response = await rest.PostAsJsonAsync($"/v1/{session.Name}/enrolments", participant);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Seat_holds_over_rest_are_held_listed_and_released_and_seats_not_free_answer_400()
    {
        var session = await setup.SessionAsync(seats: 3);

        var hold = await PostAsync($"/v1/{session.Name}/seatHolds", new { country = "GHA", seats = 2 });
        var listed = await rest.GetFromJsonAsync<JsonElement>($"/v1/{session.Name}/seatHolds");
        using var tooMany = await rest.PostAsJsonAsync($"/v1/{session.Name}/seatHolds", new { country = "KEN", seats = 2 });
        var released = await PostAsync($"/v1/{hold.GetProperty("name").GetString()}:release", new { });

        Assert.Equal("STATE_HELD", hold.GetProperty("state").GetString());
        Assert.Equal(hold.GetProperty("name").GetString(), listed.GetProperty("seatHolds")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("SEATS_UNAVAILABLE", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("STATE_RELEASED", released.GetProperty("state").GetString());
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await rest.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
