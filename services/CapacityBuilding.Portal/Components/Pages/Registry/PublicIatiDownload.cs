using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Clients;
using CapacityBuilding.Portal.Exports;
using CapacityBuilding.Portal.Extensions;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Components.Pages.Registry;

/// <summary>
/// The published IATI activity file for anyone, signed in or not: every page of funding's public
/// export (consented activities only, what IATI publishes of them), asked for as the portal itself
/// and written as the pages come (<see cref="IatiFilePages"/>); shared caches may keep it a minute.
/// </summary>
public static class PublicIatiDownload
{
    public static IEndpointRouteBuilder MapPublicIatiDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RegistryPaths.IatiFile, DownloadAsync)
            .AllowAnonymous()
            .WithMetadata(new PublicCachingAttribute { Shared = true });
        return endpoints;
    }

    private static Task DownloadAsync(HttpContext context, ServiceClientFactory<PublicRegistryClient> registry, IOptions<ExportOptions> options)
    {
        var client = registry.Create();
        return IatiFilePages.WriteAsync(context, RegistryPaths.IatiFileName, async (token, cancellation) =>
        {
            var page = await client.ExportPublicIatiActivitiesAsync(
                new ExportPublicIatiActivitiesRequest { PageSize = options.Value.PageSize, PageToken = token }, cancellationToken: cancellation);
            return new IatiFilePage(page.Xml, page.NextPageToken);
        });
    }
}
