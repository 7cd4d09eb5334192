using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Matching;
using CapacityBuilding.Training.Domain.Search;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    // Candidates come from the theme and status indexes; a theme covers a few hundred courses at
    // most, so every candidate is scored rather than cut off before its sessions are known.
    private const int MaxCandidates = 2000;

    public override async Task<MatchCoursesResponse> MatchCourses(MatchCoursesRequest request, ServerCallContext context)
    {
        var criteria = matchValidator.Validate(request, clock.GetUtcNow());
        var search = new CourseSearch(
        [
            [.. criteria.Themes.Select(CourseIndexKeys.Theme)],
            [CourseIndexKeys.Status(CourseStatus.Published)],
        ]);
        var (ids, _) = await courses.SearchAsync(search, MaxCandidates, afterId: null);
        var candidates = (await courses.GetManyAsync(ids)).OfType<StoredCourse>().ToList();
        var sessionsByCourse = await sessions.ListAllAsync([.. candidates.Select(course => course.Id)]);
        var withSeats = await sessions.WithSeatsAsync([.. sessionsByCourse.Values.SelectMany(list => list)]);
        var openByCourse = withSeats.Where(session => CourseRanking.IsOpen(criteria, session))
            .OrderBy(session => session.Session.StartTime)
            .ToLookup(session => session.Session.CourseId);

        var ranked = candidates
            .Select(course => CourseRanking.Score(criteria, course, [.. openByCourse[course.Id]]))
            .OrderByDescending(match => match.Score)
            .ThenByDescending(match => match.OpenSessions.Count)
            .ThenByDescending(match => match.Course, StringComparer.Ordinal)
            .Take(criteria.MaxResults);
        return new MatchCoursesResponse { Matches = { ranked } };
    }
}
