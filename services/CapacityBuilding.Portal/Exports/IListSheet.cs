using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// A list of the portal that can be downloaded as a spreadsheet (<see cref="ListDownloads"/>): its
/// name in the download's address, the roles whose page shows it, its headers in the user's
/// language and every row, read from the service a page at a time with the user's identity and
/// the page's filters (the address's query string).
/// </summary>
public interface IListSheet
{
    string Name { get; }

    IReadOnlyList<CallerRole> Roles { get; }

    IReadOnlyList<string> Headers();

    IAsyncEnumerable<SheetCell[]> RowsAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation);
}
