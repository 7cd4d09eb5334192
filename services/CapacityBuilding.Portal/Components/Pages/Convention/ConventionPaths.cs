namespace CapacityBuilding.Portal.Components.Pages.Convention;

/// <summary>The Convention statuses pages' addresses, from a state's ISO 3166-1 alpha-3 code.</summary>
public static class ConventionPaths
{
    public const string List = "/convention-statuses";
    public const string SavedNotice = "saved";
    public const string NoticeParameter = "done";
    public const string EditPage = List + "/edit";
    public const string CountryParameter = "country";

    public static string Edit(string country) => $"{EditPage}?{CountryParameter}={country}";

    public static string NameOf(string country) => "conventionStatuses/" + country;

    public static string CountryOf(string name) => name["conventionStatuses/".Length..];
}
