using System.Runtime.CompilerServices;
using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Portal.Exports;

/// <summary>
/// A list's spreadsheet as a column definition per row type: a list says how to read its rows
/// and what its columns are; the formats (<see cref="ISheetWriter"/>) do the rest.
/// </summary>
public abstract class ListSheet<TRow> : IListSheet
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<CallerRole> Roles { get; }

    /// <summary>Built on each download, in the culture of the request, so headers and names are in the user's language.</summary>
    protected abstract IEnumerable<SheetColumn<TRow>> Columns();

    protected abstract IAsyncEnumerable<TRow> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation);

    public IReadOnlyList<string> Headers() => [.. Columns().Select(column => column.Header)];

    public async IAsyncEnumerable<SheetCell[]> RowsAsync(IQueryCollection filters, int pageSize, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var columns = Columns().ToList();
        await foreach (var row in ReadAsync(filters, pageSize, cancellation))
        {
            yield return [.. columns.Select(column => column.Cell(row))];
        }
    }
}
