namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// The Development sign-in's demo users (the portal's appsettings.Development.json), by key, for
/// flow tests that act as one of them. The crawl does not use this list: it reads the users off
/// the sign-in page, so a new demo user is covered without editing tests.
/// </summary>
public static class DemoUsers
{
    public const string FocalPointGhana = "focal-point-gha";
    public const string FocalPointKenya = "focal-point-ken";
    public const string Coordinator = "coordinator";
    public const string Donor = "donor-norway";
    public const string Auditor = "auditor";
}
