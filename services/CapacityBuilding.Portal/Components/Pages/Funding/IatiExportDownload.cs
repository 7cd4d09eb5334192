using System.Text;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;

namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// The IATI activities file as a download: the funding service's export, asked for with the
/// signed-in user's token, written to the browser as the bytes go (encoded piece by piece, never
/// copied whole a second time) with the name to save it under. A refusal or an unreachable service
/// ends on the error page like any page's call (RpcErrorStatus).
/// </summary>
public static class IatiExportDownload
{
    public const string Path = "/funding/iati/activities.xml";

    public const string FileName = "iati-activities.xml";

    public static IEndpointRouteBuilder MapIatiExportDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, DownloadAsync)
            .RequireAuthorization(new AuthorizeRolesAttribute(CallerRole.Coordinator, CallerRole.Auditor));
        return endpoints;
    }

    private static async Task DownloadAsync(HttpContext context, ServiceClientFactory<FundingService.FundingServiceClient> funding)
    {
        var export = await funding.Create().ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest(), cancellationToken: context.RequestAborted);
        context.Response.ContentType = "application/xml; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        await context.Response.WriteAsync(export.Xml, Encoding.UTF8, context.RequestAborted);
    }
}
