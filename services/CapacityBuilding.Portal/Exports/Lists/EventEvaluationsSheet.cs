using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Delivery;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A delivery event's evaluations one by one (<see cref="EventEvaluationsPage"/>), the event being
/// the download's <c>parent</c>: the training service lists them as it does for the page (another
/// country's event is not found for a member state). Who answered, the day, each question's rating
/// as a number (not asked, an empty cell) and the follow-up's two ratings.
/// </summary>
public sealed class EventEvaluationsSheet(
    ServiceClientFactory<TrainingService.TrainingServiceClient> training,
    IStringLocalizer<EventEvaluationsPage> strings,
    IStringLocalizer<DeliverySummaryTable> questions)
    : ListSheet<Evaluation>
{
    public override string Name => "event-evaluations";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<Evaluation>> Columns() =>
    [
        new(strings["Respondent"], evaluation => SheetCell.Of(questions["Respondent_" + evaluation.Respondent])),
        new(strings["Recorded"], evaluation => SheetCell.Of(SheetDates.Day(evaluation.CreateTime))),
        Question("Reaction", evaluation => evaluation.Reaction),
        Question("Learning", evaluation => evaluation.Learning),
        Question("Behaviour", evaluation => evaluation.Behaviour),
        Question("Results", evaluation => evaluation.Results),
        Question("ObjectivesMet", evaluation => evaluation.ObjectivesMet),
        Question("KnowledgeImproved", evaluation => evaluation.KnowledgeImproved),
        Question("MoreHelpNeeded", evaluation => evaluation.MoreHelpNeeded),
        new(strings["FollowUpBehaviour"], evaluation => evaluation.FollowUp is { } followUp ? SessionEvaluationsSheet.Rating(followUp.Behaviour) : SheetCell.Empty),
        new(strings["FollowUpResults"], evaluation => evaluation.FollowUp is { } followUp ? SessionEvaluationsSheet.Rating(followUp.Results) : SheetCell.Empty),
    ];

    protected override IAsyncEnumerable<Evaluation> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        var deliveryEvent = filters[ListDownloadLinks.ParentParameter].ToString();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListDeliveryEventEvaluationsAsync(new ListDeliveryEventEvaluationsRequest { Parent = deliveryEvent, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Evaluations, page => page.NextPageToken, cancellation);
    }

    private SheetColumn<Evaluation> Question(string question, Func<Evaluation, int> rating) =>
        new(questions["Question_" + question], evaluation => SessionEvaluationsSheet.Rating(rating(evaluation)));
}
