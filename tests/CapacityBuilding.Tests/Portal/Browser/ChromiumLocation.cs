namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// Where Debian's chromium is: Playwright's own browser download is not reachable, so the tests
/// drive the package that .ci/prerequisites.sh installs. <c>CHROMIUM_PATH</c> names another
/// executable; otherwise the first <c>chromium</c> on PATH, as <c>command -v chromium</c> finds it.
/// </summary>
public static class ChromiumLocation
{
    public const string Variable = "CHROMIUM_PATH";

    private const string ExecutableName = "chromium";

    private const string DebianPath = "/usr/bin/chromium";

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{Variable} names {configured}, which does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, ExecutableName))
            .FirstOrDefault(File.Exists);
        return onPath ?? (File.Exists(DebianPath)
            ? DebianPath
            : throw new FileNotFoundException(
                $"No chromium on PATH nor at {DebianPath}: run .ci/prerequisites.sh (installs Debian's chromium) or set {Variable}."));
    }
}
