using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Resources;
using Grpc.Core;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// Finds the demo donor's id by display name: the funding service makes donor ids when the demo
/// data is loaded, so configuration can only name the donor. Asks as a coordinator (who may list
/// every donor), with a token minted with the same dev key; Development only, like the sign-in.
/// </summary>
internal sealed class DemoDonorLookup(ServiceClientFactory<FundingService.FundingServiceClient> funding, DevTokenIssuer issuer)
{
    private const int PageSize = 500;

    // The donor claim carries the id, as the funding service's own name pattern has it.
    private static readonly ResourceName<string> DonorNames = new("Donor", "donors/{donor}", ids => ids[0]);

    public async Task<string?> FindIdAsync(string displayName, CancellationToken cancellationToken)
    {
        var headers = new Metadata { { "authorization", "Bearer " + issuer.Mint(CallerRole.Coordinator, "portal-dev-sign-in", lifetime: TimeSpan.FromMinutes(1)) } };
        var client = funding.Create();
        var request = new ListDonorsRequest { PageSize = PageSize };
        do
        {
            var page = await client.ListDonorsAsync(request, headers, cancellationToken: cancellationToken);
            if (page.Donors.FirstOrDefault(donor => donor.DisplayName == displayName) is { } found)
            {
                return DonorNames.TryParse(found.Name);
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return null;
    }
}
