using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// Search by theme, language, level, mode, audience, status and words. Every test confines its
/// search to its own courses with a word of its own, since other tests add courses too.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class CourseSearchTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    public static TheoryData<string, SearchCoursesRequest, string[]> Searches => new()
    {
        { "no criteria but the word", new SearchCoursesRequest(), ["spanish-evidence", "french-crypto", "english-legislation"] },
        { "one theme", new SearchCoursesRequest { ThematicAreas = { ThematicArea.ProceedsOfCrime } }, ["french-crypto"] },
        { "any of two themes", new SearchCoursesRequest { ThematicAreas = { ThematicArea.ProceedsOfCrime, ThematicArea.Legislation } }, ["french-crypto", "english-legislation"] },
        { "language", new SearchCoursesRequest { Languages = { "es" } }, ["spanish-evidence"] },
        { "level", new SearchCoursesRequest { Levels = { CourseLevel.Advanced } }, ["french-crypto"] },
        { "mode", new SearchCoursesRequest { DeliveryModes = { DeliveryMode.Online, DeliveryMode.Blended } }, ["french-crypto", "english-legislation"] },
        { "audience", new SearchCoursesRequest { Audiences = { TargetAudience.PolicyMakers } }, ["english-legislation"] },
        { "status", new SearchCoursesRequest { Statuses = { CourseStatus.Draft } }, ["english-legislation"] },
        { "theme and language", new SearchCoursesRequest { ThematicAreas = { ThematicArea.ElectronicEvidence }, Languages = { "fr" } }, [] },
        { "words without accents", new SearchCoursesRequest { Query = "evidencia electronica" }, ["spanish-evidence"] },
        { "words in another case", new SearchCoursesRequest { Query = "CRYPTOACTIFS" }, ["french-crypto"] },
        { "a word no course has", new SearchCoursesRequest { Query = "nonexistentword" }, [] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_finds_exactly_the_courses_meeting_every_criterion(string @case, SearchCoursesRequest search, string[] expected)
    {
        var (word, courses) = await CreateCatalogueAsync();
        search.Query = $"{search.Query} {word}";

        var found = await training.SearchCoursesAsync(search);

        var names = courses.Where(entry => expected.Contains(entry.Key)).Select(entry => entry.Value).OrderDescending(StringComparer.Ordinal);
        Assert.True(names.SequenceEqual(found.Courses.Select(course => course.Name)), @case);
        Assert.Equal(expected.Length, found.TotalSize);
    }

    [Fact]
    public async Task Search_pages_newest_first_without_gaps_or_repeats()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await setup.CourseAsync(c => c.Title = $"Paged {i} {word}")).Name);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await training.SearchCoursesAsync(new SearchCoursesRequest { Query = word, PageSize = 3, PageToken = token });
            Assert.Equal(7, page.TotalSize);
            seen.AddRange(page.Courses.Select(course => course.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task A_page_token_of_one_search_is_refused_by_another()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++)
        {
            await setup.CourseAsync(c => c.Title = $"Token {i} {word}");
        }

        var first = await training.SearchCoursesAsync(new SearchCoursesRequest { Query = word, PageSize = 1 });
        var failure = await RichErrors.FailsWith(Grpc.Core.StatusCode.InvalidArgument, () =>
            training.SearchCoursesAsync(new SearchCoursesRequest { Query = word, Languages = { "es" }, PageToken = first.NextPageToken }).ResponseAsync);

        Assert.Equal(["page_token"], failure.ViolatedFields());
    }

    private async Task<(string Word, Dictionary<string, string> Courses)> CreateCatalogueAsync()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var courses = new Dictionary<string, string>
        {
            ["spanish-evidence"] = (await setup.CourseAsync(c =>
            {
                c.Title = $"Evidencia electrónica y cadena de custodia {word}";
                c.Languages.Clear();
                c.Languages.Add("es");
            })).Name,
            ["french-crypto"] = (await setup.CourseAsync(c =>
            {
                c.Title = $"Traçage des cryptoactifs {word}";
                c.ThematicAreas.Clear();
                c.ThematicAreas.Add(ThematicArea.ProceedsOfCrime);
                c.Languages.Clear();
                c.Languages.Add("fr");
                c.Level = CourseLevel.Advanced;
                c.DeliveryMode = DeliveryMode.Online;
            })).Name,
            ["english-legislation"] = (await setup.CourseAsync(c =>
            {
                c.Title = $"Drafting cybercrime legislation {word}";
                c.ThematicAreas.Clear();
                c.ThematicAreas.Add(ThematicArea.Legislation);
                c.Languages.Clear();
                c.Languages.Add("en");
                c.TargetAudiences.Clear();
                c.TargetAudiences.Add(TargetAudience.PolicyMakers);
                c.DeliveryMode = DeliveryMode.Blended;
                c.Status = CourseStatus.Draft;
            })).Name,
        };
        return (word, courses);
    }
}
