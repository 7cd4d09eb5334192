using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// MatchCourses ranks by the documented formula. Each test asks about a date window of its own
/// (several years ahead) so the open sessions of other tests' courses do not count, and looks at
/// its own courses within the answer: other tests add published e-evidence courses too, so
/// only a course scoring 100 is sure to lead and a lower one may fall past max_results.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class MatchCoursesTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    [Fact]
    public async Task A_spanish_request_about_e_evidence_ranks_the_spanish_e_evidence_course_first()
    {
        var window = new DateTimeOffset(DateTimeOffset.UtcNow.Year + 7, 5, 4, 8, 0, 0, TimeSpan.Zero);
        var spanish = await setup.CourseAsync(c => Teach(c, "Evidencia electrónica y cadena de custodia", ["es"], ThematicArea.ElectronicEvidence));
        var english = await setup.CourseAsync(c => Teach(c, "Electronic evidence and chain of custody", ["en", "fr"], ThematicArea.ElectronicEvidence));
        var spanishCrypto = await setup.CourseAsync(c => Teach(c, "Rastreo de criptoactivos", ["es"], ThematicArea.ProceedsOfCrime));
        var spanishDraft = await setup.CourseAsync(c =>
        {
            Teach(c, "Evidencia electrónica (borrador)", ["es"], ThematicArea.ElectronicEvidence);
            c.Status = CourseStatus.Draft;
        });
        var spanishSession = await setup.SessionAsync(spanish, start: window, language: "es");
        await setup.SessionAsync(english, start: window, language: "en");
        await setup.SessionAsync(spanishCrypto, start: window, language: "es");

        var matches = (await training.MatchCoursesAsync(new MatchCoursesRequest
        {
            ThematicAreas = { ThematicArea.ElectronicEvidence },
            Languages = { "es" },
            Audiences = { TargetAudience.Investigators },
            EarliestStart = DateOf(window.AddDays(-10)),
            LatestEnd = DateOf(window.AddDays(20)),
            MaxResults = 50,
        })).Matches;

        var first = matches[0];
        Assert.Equal(spanish.Name, first.Course);
        Assert.Equal(100, first.Score);
        Assert.Equal([spanishSession.Name], first.OpenSessions);
        Assert.Contains("taught in es", first.Reasons);
        Assert.DoesNotContain(matches, match => match.Course == english.Name && (match.Score > first.Score || match.OpenSessions.Count > 0));
        Assert.DoesNotContain(matches, match => match.Course == spanishCrypto.Name || match.Course == spanishDraft.Name);
    }

    public static TheoryData<string, int> Scores => new()
    {
        // Theme 24/7 network, which only these courses (and the demo catalogue) cover.
        // (50 themes + 25 language + 15 audience + 10 session) of 100.
        { "everything", 100 },
        // Half the themes: 25 + 25 + 15 + 10.
        { "half the themes", 75 },
        // No open session in the window: 50 + 25 + 15.
        { "no session", 90 },
        // The session is full: 50 + 25 + 15.
        { "full session", 90 },
        // Not for the audience asked: 50 + 25 + 0 + 10.
        { "other audience", 85 },
    };

    [Theory]
    [MemberData(nameof(Scores))]
    public async Task The_score_follows_the_documented_formula(string @case, int expected)
    {
        var window = new DateTimeOffset(DateTimeOffset.UtcNow.Year + 8, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var course = await setup.CourseAsync(c =>
        {
            Teach(c, $"Scored {@case}", ["es"], ThematicArea.Network247);
            if (@case == "other audience")
            {
                c.TargetAudiences.Clear();
                c.TargetAudiences.Add(TargetAudience.Judges);
            }
        });
        if (@case != "no session")
        {
            var session = await setup.SessionAsync(course, seats: 1, start: window);
            if (@case == "full session")
            {
                await setup.EnrolAsync(session, "only.seat@police.example.org");
            }
        }

        var request = new MatchCoursesRequest
        {
            ThematicAreas = { ThematicArea.Network247 },
            Languages = { "es" },
            Audiences = { TargetAudience.Investigators },
            EarliestStart = DateOf(window.AddDays(-1)),
            LatestEnd = DateOf(window.AddDays(10)),
            MaxResults = 50,
        };
        if (@case == "half the themes")
        {
            request.ThematicAreas.Add(ThematicArea.Prevention);
        }

        var matches = (await training.MatchCoursesAsync(request)).Matches;

        Assert.Equal(expected, Assert.Single(matches, match => match.Course == course.Name).Score);
    }

    private static void Teach(Course course, string title, string[] languages, ThematicArea theme)
    {
        course.Title = title;
        course.Languages.Clear();
        course.Languages.Add(languages);
        course.ThematicAreas.Clear();
        course.ThematicAreas.Add(theme);
        course.TargetAudiences.Clear();
        course.TargetAudiences.Add(TargetAudience.Investigators);
    }

    private static Date DateOf(DateTimeOffset time) => new() { Year = time.Year, Month = time.Month, Day = time.Day };
}
