namespace CapacityBuilding.Portal.Components.Pages.Registry;

/// <summary>
/// The public registry's addresses. None is under <c>/v1/</c>, the gateway's API routes (its
/// <c>/v1/public/...</c> routes answer in JSON; these are the same data as pages).
/// </summary>
public static class RegistryPaths
{
    public const string Projects = "/registry";

    public const string IatiFile = "/registry/iati-activities.xml";

    public const string IatiFileName = "iati-activities.xml";

    public static string Project(string iatiIdentifier) => $"/registry/projects/{Uri.EscapeDataString(iatiIdentifier)}";
}
