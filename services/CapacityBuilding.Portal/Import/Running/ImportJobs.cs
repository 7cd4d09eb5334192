using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Import.Running;

/// <summary>
/// The runs of this portal process and the queue its worker takes them from. A run is seen only
/// by the coordinator who uploaded its file. Runs and their files are forgotten after the
/// retention; the runs live in this process's memory, so a status page must reach the replica
/// that took the upload (docs/import.md).
/// </summary>
public sealed class ImportJobs(IOptions<ImportOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ImportJob> jobs = new(StringComparer.Ordinal);
    private readonly Lock importing = new();
    private readonly Channel<ImportJob> queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportJob> Queue => queue.Reader;

    public ImportJob Enqueue(ImportUpload upload, ImportMode mode)
    {
        ForgetExpired();
        var job = new ImportJob(upload, mode, clock.GetUtcNow(), options.Value.ProblemsKept);
        jobs[job.Id] = job;
        queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>
    /// The import of a finished check's file: started by the first call, the same run answered to
    /// every later one (a form sent twice imports once); none for a check not finished or refused.
    /// </summary>
    public ImportJob? ImportChecked(ImportJob checkedJob)
    {
        lock (importing)
        {
            if (checkedJob is { Mode: ImportMode.Check, Status: ImportStatus.Finished, ImportJobId: null })
            {
                checkedJob.ImportJobId = Enqueue(checkedJob.Upload, ImportMode.Import).Id;
            }

            return checkedJob.ImportJobId is { } id && jobs.TryGetValue(id, out var import) ? import : null;
        }
    }

    public ImportJob? Find(string id, string ownerSubject) =>
        jobs.TryGetValue(id, out var job) && job.Upload.OwnerSubject == ownerSubject ? job : null;

    public IReadOnlyList<ImportJob> Of(string ownerSubject) =>
        [.. jobs.Values.Where(job => job.Upload.OwnerSubject == ownerSubject).OrderByDescending(job => job.Queued)];

    private void ForgetExpired()
    {
        var before = clock.GetUtcNow() - options.Value.Retention;
        foreach (var expired in jobs.Values.Where(job => job.Queued < before && job.IsOver).ToList())
        {
            jobs.TryRemove(expired.Id, out _);
            if (!jobs.Values.Any(job => job.Upload.Path == expired.Upload.Path))
            {
                File.Delete(expired.Upload.Path);
            }
        }
    }
}
