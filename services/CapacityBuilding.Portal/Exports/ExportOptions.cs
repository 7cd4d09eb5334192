namespace CapacityBuilding.Portal.Exports;

/// <summary>Configuration section <c>Portal:Exports</c>: how the downloads page through the services' lists.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Portal:Exports";

    /// <summary>
    /// How many items each call to a service asks for while a download walks a list (the IATI file,
    /// a spreadsheet). Large enough that a download makes few calls, small enough that no answer
    /// nears a message limit and the portal holds one page at a time; the services cap it at 500.
    /// </summary>
    public int PageSize { get; set; } = 200;
}
