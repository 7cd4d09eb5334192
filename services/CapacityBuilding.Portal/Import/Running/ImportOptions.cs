namespace CapacityBuilding.Portal.Import.Running;

/// <summary><c>Portal:Import</c>: how spreadsheet imports run.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Portal:Import";

    /// <summary>The largest file accepted, in bytes (100 MB: a 100,000-row sheet is about 15 MB as CSV).</summary>
    public long MaxFileBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Rows sent to the services at the same time by one run.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>Problems a report keeps (the counts stay exact beyond them).</summary>
    public int ProblemsKept { get; set; } = 1000;

    /// <summary>How long an upload and its reports are kept after it was uploaded.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Where uploads are kept while they are checked and imported; the system's temporary folder if empty.</summary>
    public string Directory { get; set; } = "";
}
