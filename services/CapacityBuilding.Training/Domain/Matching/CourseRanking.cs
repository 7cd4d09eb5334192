using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Sessions;

namespace CapacityBuilding.Training.Domain.Matching;

/// <summary>
/// The MatchCourses formula (documented in training_service.proto and the README). Points:
/// themes 50 x share of the requested themes covered; languages 25 when taught in a requested
/// language; audiences 15 x share of the requested audiences targeted; sessions 10 when an open
/// session exists. Score = round(100 x points / possible), where possible leaves out the weights
/// of the criteria the request does not give (languages, audiences).
/// </summary>
public static class CourseRanking
{
    public const int ThemeWeight = 50;
    public const int LanguageWeight = 25;
    public const int AudienceWeight = 15;
    public const int SessionWeight = 10;

    public static CourseMatch Score(MatchCriteria criteria, StoredCourse course, IReadOnlyList<SessionWithSeats> openSessions)
    {
        var reasons = new List<string>();
        var points = 0.0;
        var possible = ThemeWeight + SessionWeight;

        var themes = criteria.Themes.Where(course.ThematicAreas.Contains).ToList();
        points += ThemeWeight * (double)themes.Count / criteria.Themes.Count;
        reasons.Add($"covers {themes.Count} of {criteria.Themes.Count} requested themes: {string.Join(", ", themes.Select(ProtoEnumNames.Of))}");

        if (criteria.Languages.Count > 0)
        {
            possible += LanguageWeight;
            var languages = criteria.Languages.Where(course.Languages.Contains).ToList();
            if (languages.Count > 0)
            {
                points += LanguageWeight;
                reasons.Add($"taught in {string.Join(", ", languages)}");
            }
        }

        if (criteria.Audiences.Count > 0)
        {
            possible += AudienceWeight;
            var audiences = criteria.Audiences.Where(course.TargetAudiences.Contains).ToList();
            if (audiences.Count > 0)
            {
                points += AudienceWeight * (double)audiences.Count / criteria.Audiences.Count;
                reasons.Add($"for {string.Join(", ", audiences.Select(ProtoEnumNames.Of))}");
            }
        }

        if (openSessions.Count > 0)
        {
            points += SessionWeight;
            reasons.Add($"{openSessions.Count} open session(s) in the date window");
        }

        return new CourseMatch
        {
            Course = CourseNames.Course.Format(course.Id),
            Title = course.Title,
            Score = (int)Math.Round(100 * points / possible, MidpointRounding.AwayFromZero),
            Reasons = { reasons },
            OpenSessions = { openSessions.Select(open => CourseNames.Session.Format(course.Id, open.Session.Id)) },
        };
    }

    /// <summary>Scheduled, with a free seat, inside the window and, when languages are asked for, in one of them.</summary>
    public static bool IsOpen(MatchCriteria criteria, SessionWithSeats candidate)
    {
        var session = candidate.Session;
        return session.Status == SessionStatus.Scheduled
            && candidate.HasFreeSeat
            && session.StartTime >= criteria.OpenFrom
            && (criteria.OpenUntil is not { } until || session.EndTime <= until)
            && (criteria.Languages.Count == 0 || criteria.Languages.Contains(session.Language));
    }
}
