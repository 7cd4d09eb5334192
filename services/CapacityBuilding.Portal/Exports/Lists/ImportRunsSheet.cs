using CapacityBuilding.Portal.Components.Pages.Import;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.Portal.Import;
using CapacityBuilding.Portal.Import.Running;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// The signed-in coordinator's import runs, newest first (<see cref="ImportRunTable"/> on
/// <see cref="ImportPage"/>): no service holds them, this portal's <see cref="ImportJobs"/> does,
/// and it gives a coordinator only the runs of their own uploads, as it does for the page.
/// </summary>
public sealed class ImportRunsSheet(ImportJobs jobs, SignedInCaller signedIn, IStringLocalizer<ImportStrings> strings)
    : ListSheet<ImportJob>
{
    public override string Name => "import-runs";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator];

    protected override IEnumerable<SheetColumn<ImportJob>> Columns() =>
    [
        new(strings["FileLabel"], run => SheetCell.Of(run.Upload.FileName)),
        new(strings["KindHeader"], run => SheetCell.Of(strings["Kind_" + run.Upload.Kind])),
        new(strings["ModeHeader"], run => SheetCell.Of(strings["Mode_" + run.Mode])),
        new(strings["StatusHeader"], run => SheetCell.Of(strings["Status_" + run.Status])),
    ];

    protected override IAsyncEnumerable<ImportJob> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation) =>
        (signedIn.Current is { } caller ? jobs.Of(caller.Subject) : []).ToAsyncEnumerable();
}
