using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.Portal.Import;

/// <summary>
/// A coordinator's imports as the import pages make them: the upload form posted with the page's
/// antiforgery token, the status page read until the run is over, the report's rows read back as
/// (row, column header, message), and the import of a finished check started.
/// </summary>
internal static partial class ImportUploads
{
    public static async Task<ImportRunPage> CheckAsync(this PortalSession session, string kind, string fileName, byte[] content)
    {
        var page = await session.GetPageAsync("/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PortalSession.AntiforgeryTokenOf(page)), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = await session.PostAsync("/import/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await session.WaitForRunAsync(response.Headers.Location!.OriginalString);
    }

    public static async Task<ImportRunPage> ImportAsync(this PortalSession session, ImportRunPage check)
    {
        using var response = await session.PostFormAsync(check.Path + "/run", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalSession.AntiforgeryTokenOf(check.Html),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await session.WaitForRunAsync(response.Headers.Location!.OriginalString);
    }

    private static async Task<ImportRunPage> WaitForRunAsync(this PortalSession session, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var html = await session.GetPageAsync(path);
            if (!html.Contains("data-import-running", StringComparison.Ordinal))
            {
                return new ImportRunPage(path, html, [.. ReportRow().Matches(html).Select(match => new ReportedProblem(
                    int.Parse(match.Groups["row"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    WebUtility.HtmlDecode(match.Groups["column"].Value),
                    WebUtility.HtmlDecode(match.Groups["message"].Value)))]);
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The run at {path} did not end within a minute.");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"<tr>\s*<td class=""number"">(?<row>[0-9]+)</td>\s*<td>(?<column>[^<]*)</td>\s*<td>(?<message>[^<]*)</td>\s*</tr>")]
    private static partial Regex ReportRow();
}

/// <summary>A run's page once the run is over, and the problems its report lists.</summary>
internal sealed record ImportRunPage(string Path, string Html, IReadOnlyList<ReportedProblem> Problems)
{
    public IEnumerable<ReportedProblem> Of(int row) => Problems.Where(problem => problem.Row == row);
}

internal sealed record ReportedProblem(int Row, string Column, string Message);
