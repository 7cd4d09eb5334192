using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Clients;
using CapacityBuilding.Portal.Exports;

namespace CapacityBuilding.Portal.Components.Pages.Registry;

/// <summary>
/// Funding publishes the registry as a list only (<c>ListPublishedProjects</c>), so a project's
/// page walks that list until it meets the project's IATI identifier. The identifier ends with the
/// request's id but names no requesting state, so the walk cannot be filtered; it stops at the
/// first match and reads the largest pages the service gives.
/// </summary>
public static class PublishedProjectLookup
{
    public static async Task<PublishedProject?> FindAsync(PublicRegistryClient registry, string iatiIdentifier, CancellationToken cancellation)
    {
        var request = new ListPublishedProjectsRequest { PageSize = ExportOptionsValidator.MaxPageSize };
        do
        {
            var page = await registry.ListPublishedProjectsAsync(request, cancellationToken: cancellation);
            if (page.Projects.FirstOrDefault(project => project.IatiIdentifier == iatiIdentifier) is { } found)
            {
                return found;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return null;
    }
}
