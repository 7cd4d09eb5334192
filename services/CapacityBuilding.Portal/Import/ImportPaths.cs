namespace CapacityBuilding.Portal.Import;

/// <summary>Where the import's pages and endpoints are.</summary>
public static class ImportPaths
{
    public const string Page = "/import";
    public const string Upload = "/import/upload";

    public static string Job(string jobId) => $"/import/jobs/{jobId}";

    public static string Run(string jobId) => $"/import/jobs/{jobId}/run";

    public static string Template(string slug, string extension) => $"/import/templates/{slug}.{extension}";

    public static string Readme(string slug) => $"/import/readme/{slug}.csv";

    /// <summary>The import page telling why an upload was not taken (ImportStrings <c>Upload_{problem}</c>).</summary>
    public static string PageWithProblem(string problem) => $"{Page}?problem={problem}";
}
