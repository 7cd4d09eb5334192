using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.Training.Repositories;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Domain.Enrolments;

/// <summary>
/// Once per Redis database: puts enrolments made before the nationality and cross-session indexes
/// existed into them, so that a member state's listing of its nationals' enrolments includes them.
/// Runs in the background at start-up, course by course and session by session, and retries while
/// Redis is away; the marker key <c>migrations:enrolment-nationality-index</c> records that it is done.
/// </summary>
public sealed partial class EnrolmentIndexBackfill(
    RedisCourseRepository courses,
    RedisSessionRepository sessions,
    RedisEnrolmentRepository enrolments,
    RedisKeyspace keyspace,
    ILogger<EnrolmentIndexBackfill> logger) : BackgroundService
{
    private const int CoursesPerPage = 100;
    private static readonly RedisKey Done = "migrations:enrolment-nationality-index";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await keyspace.Database.KeyExistsAsync(Done))
                {
                    return;
                }

                var indexed = await IndexAllAsync(stoppingToken);
                await keyspace.Database.StringSetAsync(Done, DateTimeOffset.UtcNow.ToString("O"));
                LogIndexed(logger, indexed);
                return;
            }
            catch (RedisException exception)
            {
                LogRetry(logger, exception.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task<int> IndexAllAsync(CancellationToken stoppingToken)
    {
        var count = 0;
        string? afterId = null;
        do
        {
            var (page, lastId) = await courses.ListAsync(CoursesPerPage, afterId);
            var sessionsByCourse = await sessions.ListAllAsync([.. page.Select(course => course.Id)]);
            foreach (var session in sessionsByCourse.Values.SelectMany(list => list))
            {
                stoppingToken.ThrowIfCancellationRequested();
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
