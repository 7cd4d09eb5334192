using System.Net;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;

namespace CapacityBuilding.Tests.Portal.Import;

/// <summary>
/// The import is the coordinators': other roles get the forbidden answer at its pages, templates
/// and upload, and a run is seen only by whoever uploaded its file (another id is not found).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ImportAccessTests(SuiteFixture suite)
{
    public static TheoryData<string> OtherRoles => [DemoUsers.Donor, DemoUsers.FocalPointGhana, DemoUsers.Auditor];

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Other_roles_are_refused_the_import(string user)
    {
        // A donor signs in once its demo donor exists.
        await DemoDonors.EnsureAsync(suite);
        using var session = new PortalSession(suite.PortalAddress);
        await session.SignInAsync(user);

        foreach (var path in new[] { "/import", "/import/templates/donors.csv", "/import/readme/donors.csv" })
        {
            using var response = await session.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} at {path}: {(int)response.StatusCode}");
        }

        using var upload = await session.PostAsync("/import/upload", new MultipartFormDataContent { { new StringContent("donors"), "kind" } });
        Assert.NotEqual(HttpStatusCode.Redirect, upload.StatusCode);
    }

    [Fact]
    public async Task A_run_that_is_not_the_coordinators_own_is_not_found()
    {
        using var session = new PortalSession(suite.PortalAddress);
        await session.SignInAsync(DemoUsers.Coordinator);

        using var response = await session.GetAsync("/import/jobs/" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
