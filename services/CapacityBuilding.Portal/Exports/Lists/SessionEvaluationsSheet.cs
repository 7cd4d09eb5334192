using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A session's evaluations one by one (<see cref="EvaluationsPage"/>), newest first, for the roles
/// the training service lists them to; the session is the download's <c>parent</c>. Ratings are
/// numbers, and a level not assessed (0) an empty cell, so that a spreadsheet's averages leave it out.
/// </summary>
public sealed class SessionEvaluationsSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training, IStringLocalizer<EvaluationsPage> strings)
    : ListSheet<Evaluation>
{
    public override string Name => "session-evaluations";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<Evaluation>> Columns() =>
    [
        new(strings["Recorded"], evaluation => SheetCell.Of(SheetDates.Day(evaluation.CreateTime))),
        new(strings["Reaction"], evaluation => Rating(evaluation.Reaction)),
        new(strings["Learning"], evaluation => Rating(evaluation.Learning)),
        new(strings["Behaviour"], evaluation => Rating(evaluation.Behaviour)),
        new(strings["Results"], evaluation => Rating(evaluation.Results)),
        new(strings["Comments"], evaluation => SheetCell.Of(evaluation.Comments)),
    ];

    protected override IAsyncEnumerable<Evaluation> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        var session = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = session, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Evaluations, page => page.NextPageToken, cancellation);
    }

    // Also the event evaluations' (EventEvaluationsSheet): the same scale, the same empty cell.
    internal static SheetCell Rating(int rating) => rating == 0 ? SheetCell.Empty : SheetCell.Of(rating);
}
