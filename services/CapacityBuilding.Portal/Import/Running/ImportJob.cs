using System.Security.Cryptography;
using CapacityBuilding.Portal.Import.Kinds;

namespace CapacityBuilding.Portal.Import.Running;

/// <summary>
/// One run over one uploaded file, for the coordinator who uploaded it: what it is, where it is
/// (read by the status page while the worker writes it: counters are updated atomically, the
/// report under a lock) and the report of its rows. The report keeps the first problems up to a
/// limit (a file of 100,000 bad rows does not fill memory); the counts stay exact.
/// </summary>
public sealed class ImportJob
{
    private readonly List<RowProblem> problems = [];
    private readonly int problemsKept;
    private int rowsDone;
    private int rowsWithProblems;
    private int created;
    private int alreadyImported;
    private int problemsOmitted;
    private int percent;

    public ImportJob(ImportUpload upload, ImportMode mode, DateTimeOffset now, int problemsKept)
    {
        Upload = upload;
        Mode = mode;
        Queued = now;
        this.problemsKept = problemsKept;
    }

    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public ImportUpload Upload { get; }

    public ImportMode Mode { get; }

    public DateTimeOffset Queued { get; }

    public DateTimeOffset? Started { get; private set; }

    public ImportStatus Status { get; private set; } = ImportStatus.Queued;

    /// <summary>Why the file was refused, in the user's language.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The import this check led to, once the coordinator started it.</summary>
    public string? ImportJobId { get; set; }

    public int RowsDone => Volatile.Read(ref rowsDone);

    public int RowsWithProblems => Volatile.Read(ref rowsWithProblems);

    public int Created => Volatile.Read(ref created);

    public int AlreadyImported => Volatile.Read(ref alreadyImported);

    public int ProblemsOmitted => Volatile.Read(ref problemsOmitted);

    /// <summary>How far through the file the reader is, 0 to 100 (by bytes: the row count is unknown until the end).</summary>
    public int Percent => Volatile.Read(ref percent);

    public bool IsOver => Status is ImportStatus.Finished or ImportStatus.Refused or ImportStatus.Failed;

    public IReadOnlyList<RowProblem> Problems()
    {
        lock (problems)
        {
            return [.. problems.OrderBy(problem => problem.Row)];
        }
    }

    public void Start(DateTimeOffset now)
    {
        Started = now;
        Status = ImportStatus.Running;
    }

    public void ReadTo(int percentOfFile) => Volatile.Write(ref percent, percentOfFile);

    public void RowChecked(IReadOnlyList<RowProblem> rowProblems)
    {
        if (rowProblems.Count > 0)
        {
            Interlocked.Increment(ref rowsWithProblems);
            lock (problems)
            {
                var room = Math.Max(0, problemsKept - problems.Count);
                problems.AddRange(rowProblems.Take(room));
                problemsOmitted += Math.Max(0, rowProblems.Count - room);
            }
        }

        Interlocked.Increment(ref rowsDone);
    }

    public void RowCreated(bool earlier) => Interlocked.Increment(ref earlier ? ref alreadyImported : ref created);

    public void Finish()
    {
        Volatile.Write(ref percent, 100);
        Status = ImportStatus.Finished;
    }

    public void Refuse(string reason)
    {
        Refusal = reason;
        Status = ImportStatus.Refused;
    }

    public void Fail() => Status = ImportStatus.Failed;
}
