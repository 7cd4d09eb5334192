using System.Globalization;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// <c>GET /downloads/{list}.{csv|xlsx}?{the list page's filters}</c>: a list the signed-in user
/// sees, whole, as a spreadsheet. The list's rows come from the same rpc as its page, called with
/// the user's identity (the service's access rules decide the rows, as on the page) and walked a
/// page at a time; the page's roles gate the download as they gate the page (others get the
/// forbidden page). A service's refusal of the first page ends on the error page like any page's
/// call (<see cref="ReadAhead"/>: the first row is read before the file begins).
/// </summary>
public static partial class ListDownloads
{
    public const string PathPrefix = "/downloads";

    public static string PathOf(string list, string extension) => $"{PathPrefix}/{list}.{extension}";

    public static IEndpointRouteBuilder MapListDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PathPrefix + "/{list}.{extension}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task DownloadAsync(HttpContext context, string list, string extension, [FromServices] IEnumerable<IListSheet> sheets,
        [FromServices] IEnumerable<ISheetWriter> writers, SignedInCaller signedIn, IOptions<ExportOptions> options, TimeProvider clock, ILogger<IListSheet> logger)
    {
        var sheet = sheets.SingleOrDefault(candidate => candidate.Name == list);
        var writer = writers.SingleOrDefault(candidate => candidate.Extension == extension);
        if (sheet is null || writer is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (signedIn.Current is not { } caller || !sheet.Roles.Contains(caller.Role))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var listed = await ReadAhead.FirstReadAsync(sheet.RowsAsync(context.Request.Query, options.Value.PageSize, context.RequestAborted), context.RequestAborted);
        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        context.Response.ContentType = writer.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{sheet.Name}-{day}.{writer.Extension}\"";
        var rows = await writer.WriteAsync(context.Response, sheet.Name, sheet.Headers(), listed, context.RequestAborted);
        LogDownloaded(logger, sheet.Name, writer.Extension, rows);
    }

    [LoggerMessage(EventId = EventIds.ListDownloaded, Level = LogLevel.Information, Message = "List {List} downloaded as {Format}: {Rows} rows.")]
    private static partial void LogDownloaded(ILogger logger, string list, string format, int rows);
}
