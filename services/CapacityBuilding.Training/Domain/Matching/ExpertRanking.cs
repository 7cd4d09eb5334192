using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Experts;

namespace CapacityBuilding.Training.Domain.Matching;

/// <summary>
/// The MatchExperts formula (documented in training_service.proto and docs/delivery.md). Points:
/// themes 50 x share of the requested themes known; articles 15 x share of the requested articles
/// known; languages 20 when the expert works in a requested language; availability 15 when one
/// availability period covers the whole window and no event books the expert on any day of it.
/// Score = round(100 x points / possible), where possible leaves out the weights of the criteria
/// the need does not give (articles, languages, dates).
/// </summary>
public static class ExpertRanking
{
    public const int ThemeWeight = 50;
    public const int ArticleWeight = 15;
    public const int LanguageWeight = 20;
    public const int AvailabilityWeight = 15;

    /// <summary>A match and how many requested themes the expert knows, the first tie-breaker.</summary>
    public sealed record Ranked(ExpertMatch Match, int ThemesKnown);

    public static Ranked Score(ExpertMatchCriteria criteria, StoredExpert expert, IReadOnlyList<ExpertBooking> bookings)
    {
        var reasons = new List<string>();
        var points = 0.0;
        var possible = ThemeWeight;

        var themes = criteria.Themes.Where(expert.ThematicAreas.Contains).ToList();
        points += ThemeWeight * (double)themes.Count / criteria.Themes.Count;
        reasons.Add($"knows {themes.Count} of {criteria.Themes.Count} requested themes: {string.Join(", ", themes.Select(ProtoEnumNames.Of))}");

        if (criteria.Articles.Count > 0)
        {
            possible += ArticleWeight;
            var articles = criteria.Articles.Where(expert.ConventionArticles.Contains).ToList();
            if (articles.Count > 0)
            {
                points += ArticleWeight * (double)articles.Count / criteria.Articles.Count;
                reasons.Add($"specialised in article(s) {string.Join(", ", articles)}");
            }
        }

        if (criteria.Languages.Count > 0)
        {
            possible += LanguageWeight;
            var languages = criteria.Languages.Where(expert.Languages.Contains).ToList();
            if (languages.Count > 0)
            {
                points += LanguageWeight;
                reasons.Add($"works in {string.Join(", ", languages)}");
            }
        }

        if (criteria.Window is { } window)
        {
            possible += AvailabilityWeight;
            var clash = bookings.FirstOrDefault(booking => booking.Days.Overlaps(window));
            if (clash is not null)
            {
                reasons.Add($"booked on {CourseNames.DeliveryEvent.Format(clash.EventId)} from {clash.Days}");
            }
            else if (expert.Availability.Any(period => period.Covers(window)))
            {
                points += AvailabilityWeight;
                reasons.Add($"available from {window}");
            }
            else
            {
                reasons.Add($"not known to be available from {window}");
            }
        }

        var match = new ExpertMatch
        {
            Expert = CourseNames.Expert.Format(expert.Id),
            DisplayName = expert.DisplayName,
            Score = (int)Math.Round(100 * points / possible, MidpointRounding.AwayFromZero),
            Reasons = { reasons },
        };
        return new Ranked(match, themes.Count);
    }
}
