using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// MatchExperts ranks the roster by the documented formula: themes 50, articles 15, languages 20,
/// availability 15, over the weights of the criteria given; a booked expert loses availability.
/// Each test uses a theme of its own so the other tests' experts do not take its places.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ExpertMatchingTests(SuiteFixture suite)
{
    private readonly DeliverySetup setup = new(suite);

    [Fact]
    public async Task An_expert_meeting_everything_scores_100_and_a_booked_one_loses_availability_with_the_reason()
    {
        var theme = ThematicArea.Network247;
        var free = await setup.ExpertAsync(expert => Themes(expert, theme));
        var booked = await setup.ExpertAsync(expert => Themes(expert, theme));
        var window = DeliverySetup.LastYear.AddYears(1).AddMonths(2);
        var request = await setup.RequestAsync();
        var clash = await setup.EventAsync(request.Name, window.AddDays(1), 2, booked.Name);

        var matches = (await setup.Training.MatchExpertsAsync(new MatchExpertsRequest
        {
            ThematicAreas = { theme },
            ConventionArticles = { 28 },
            Languages = { "fr" },
            StartDate = DeliverySetup.Day(window),
            EndDate = DeliverySetup.Day(window.AddDays(4)),
            MaxResults = 50,
        })).Matches;

        var best = matches.Single(match => match.Expert == free.Name);
        var second = matches.Single(match => match.Expert == booked.Name);
        Assert.Equal(100, best.Score);
        Assert.Equal(85, second.Score);
        Assert.True(matches.IndexOf(best) < matches.IndexOf(second));
        Assert.Contains(best.Reasons, reason => reason.StartsWith("available from", StringComparison.Ordinal));
        Assert.Contains(second.Reasons, reason => reason.Contains(clash.Name, StringComparison.Ordinal));
        Assert.Contains("works in fr", best.Reasons);
    }

    [Fact]
    public async Task Criteria_left_out_do_not_count_and_a_partial_theme_match_scores_its_share()
    {
        var asked = ThematicArea.Prevention;
        var half = await setup.ExpertAsync(expert =>
        {
            Themes(expert, asked);
            expert.Languages.Clear();
            expert.Languages.Add("ru");
        });

        var matches = (await setup.Training.MatchExpertsAsync(new MatchExpertsRequest
        {
            ThematicAreas = { asked, ThematicArea.ProceedsOfCrime },
            Languages = { "es" },
            MaxResults = 50,
        })).Matches;

        // themes 50 x 1/2 = 25 of possible 70 (themes, languages): round(100 x 25 / 70) = 36.
        Assert.Equal(36, matches.Single(match => match.Expert == half.Name).Score);
    }

    [Fact]
    public async Task A_window_needs_both_ends_in_order()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => setup.Training.MatchExpertsAsync(new MatchExpertsRequest
        {
            ThematicAreas = { ThematicArea.Legislation },
            StartDate = DeliverySetup.Day(DeliverySetup.LastYear),
        }).ResponseAsync);

        Assert.Equal(["end_date"], failure.ViolatedFields());
    }

    private static void Themes(Expert expert, ThematicArea theme)
    {
        expert.ThematicAreas.Clear();
        expert.ThematicAreas.Add(theme);
    }
}
