using CapacityBuilding.Contracts.Funding.V1;

namespace CapacityBuilding.Tests.Portal.Import;

/// <summary>Every donor's display name, page after page, to count what an import made.</summary>
internal static class DonorNames
{
    public static async Task<List<string>> AllAsync(FundingService.FundingServiceClient funding)
    {
        var names = new List<string>();
        var token = "";
        do
        {
            var page = await funding.ListDonorsAsync(new ListDonorsRequest { PageSize = 500, PageToken = token });
            names.AddRange(page.Donors.Select(donor => donor.DisplayName));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return names;
    }
}
