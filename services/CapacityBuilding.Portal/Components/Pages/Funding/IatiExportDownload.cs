using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Exports;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// The IATI activities file as a download: every page of the funding service's export, asked for
/// with the signed-in user's token, written to the browser as the pages come (<see cref="IatiFilePages"/>)
/// with the name to save it under. A refusal or an unreachable service before the file begins ends
/// on the error page like any page's call (RpcErrorStatus).
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

    private static Task DownloadAsync(HttpContext context, ServiceClientFactory<FundingService.FundingServiceClient> funding, IOptions<ExportOptions> options)
    {
        var client = funding.Create();
        return IatiFilePages.WriteAsync(context, FileName, async (token, cancellation) =>
        {
            var page = await client.ExportIatiActivitiesAsync(
                new ExportIatiActivitiesRequest { PageSize = options.Value.PageSize, PageToken = token }, cancellationToken: cancellation);
            return new IatiFilePage(page.Xml, page.NextPageToken);
        });
    }
}
