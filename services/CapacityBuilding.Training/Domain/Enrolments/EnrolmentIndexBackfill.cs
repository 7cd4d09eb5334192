using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.Training.Repositories;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Domain.Enrolments;

/// <summary>
/// Once per Redis database: puts enrolments made before the nationality and cross-session indexes
/// existed into them, so that a member state's listing of its nationals' enrolments includes them.
/// Goes course by course and session by session; the marker key
/// <c>migrations:enrolment-nationality-index</c> records that it is done (<see cref="OneTimeMigration"/>).
/// </summary>
public sealed partial class EnrolmentIndexBackfill(
    RedisCourseRepository courses,
    RedisSessionRepository sessions,
    RedisEnrolmentRepository enrolments,
    RedisKeyspace keyspace,
    ILogger<EnrolmentIndexBackfill> logger) : OneTimeMigration(keyspace)
{
    private const int CoursesPerPage = 100;

    protected override RedisKey Done => "migrations:enrolment-nationality-index";

    protected override void LogMigrated(int count) => LogIndexed(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    protected override async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        string? afterId = null;
        do
        {
            var (page, lastId) = await courses.ListAsync(CoursesPerPage, afterId);
            var sessionsByCourse = await sessions.ListAllAsync([.. page.Select(course => course.Id)]);
            foreach (var session in sessionsByCourse.Values.SelectMany(list => list))
            {
                cancellationToken.ThrowIfCancellationRequested();
                count += await enrolments.IndexAsync(session.Id);
            }

            afterId = lastId;
        }
        while (afterId is not null);

        return count;
    }

    [LoggerMessage(EventId = EventIds.EnrolmentIndexBackfilled, Level = LogLevel.Information, Message = "Indexed {Count} enrolments by nationality")]
    private static partial void LogIndexed(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.EnrolmentIndexBackfillWaiting, Level = LogLevel.Warning, Message = "Indexing enrolments by nationality must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}
