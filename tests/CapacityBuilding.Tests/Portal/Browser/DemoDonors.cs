using System.Runtime.CompilerServices;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// The dev sign-in finds a demo donor's id by display name in the funding service (the demo data
/// makes donors, the configuration can only name them), so each donor the portal's demo users
/// name must exist before they sign in. Read from the portal's appsettings.Development.json, so a
/// new demo donor needs no change here; created once per suite run when no test made one yet.
/// </summary>
public static class DemoDonors
{
    private const int PageSize = 500;

    private static readonly ConditionalWeakTable<SuiteFixture, Task> Ensured = [];

    public static Task EnsureAsync(SuiteFixture suite) => Ensured.GetValue(suite, CreateMissingAsync);

    private static async Task CreateMissingAsync(SuiteFixture suite)
    {
        var funding = new FundingService.FundingServiceClient(suite.Gateway);
        var existing = (await funding.ListDonorsAsync(new ListDonorsRequest { PageSize = PageSize })).Donors
            .Select(donor => donor.DisplayName)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in NamedByDemoUsers().Where(name => !existing.Contains(name)))
        {
            await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(name) });
        }
    }

    private static IEnumerable<string> NamedByDemoUsers() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryLayout.Root.FullName, "services", "CapacityBuilding.Portal", "appsettings.Development.json"))
            .Build()
            .GetSection("Portal:DevSignIn:Users")
            .GetChildren()
            .Select(user => user["DonorDisplayName"])
            .OfType<string>();
}
