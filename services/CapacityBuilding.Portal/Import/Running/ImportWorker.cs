using CapacityBuilding.ServiceDefaults.Telemetry;

namespace CapacityBuilding.Portal.Import.Running;

/// <summary>
/// Takes queued runs one after the other, each in a scope of its own, so one coordinator's
/// 100,000 rows do not multiply the load on the services by the number of uploads. A run
/// that fails unexpectedly is logged and marked failed; the worker goes on with the next.
/// </summary>
internal sealed partial class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            LogStarted(job.Id, job.Mode, job.Upload.Kind);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ImportRun>().RunAsync(job, stoppingToken);
                LogEnded(job.Id, job.Status, job.RowsDone, job.RowsWithProblems, job.Created, job.AlreadyImported);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                job.Fail();
                LogFailed(failure, job.Id);
            }
        }
    }

    [LoggerMessage(EventId = EventIds.ImportStarted, Level = LogLevel.Information, Message = "Import {JobId} started: {Mode} of {Kind}")]
    private partial void LogStarted(string jobId, ImportMode mode, string kind);

    [LoggerMessage(EventId = EventIds.ImportEnded, Level = LogLevel.Information,
        Message = "Import {JobId} ended {Status}: {Rows} rows, {RowsWithProblems} with problems, {Created} created, {AlreadyImported} already imported")]
    private partial void LogEnded(string jobId, ImportStatus status, int rows, int rowsWithProblems, int created, int alreadyImported);

    [LoggerMessage(EventId = EventIds.ImportFailed, Level = LogLevel.Error, Message = "Import {JobId} failed")]
    private partial void LogFailed(Exception failure, string jobId);
}
