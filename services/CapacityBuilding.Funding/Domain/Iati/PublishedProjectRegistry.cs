using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Resources;
using Microsoft.Extensions.Options;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// The public registry: a page of published activities (<see cref="PublishedActivityPages"/>,
/// consented requests only) as projects, with only what the IATI file publishes of them, filtered
/// by requesting state, theme and IATI activity status. The money is said as the IATI file says it:
/// committed is an active allocation's amount, or what a released one paid out.
/// </summary>
public sealed class PublishedProjectRegistry(PublishedActivityPages pages, IOptions<IatiOptions> options, TimeProvider clock)
{
    public const string ResourceType = "PublishedProject";

    private const string NamePrefix = "projects/";

    private readonly IatiOptions iati = options.Value;

    public async Task<(IReadOnlyList<PublishedProject> Projects, PublishedPage Page)> ListAsync(
        Caller caller, ListPublishedProjectsRequest request, int pageSize, string? afterAllocationId, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync(caller, pageSize, afterAllocationId, cancellationToken);
        var projects = page.Activities.Select(ProjectOf)
            .Where(project => request.RequestingState.Length == 0 || project.RequestingState == request.RequestingState)
            .Where(project => request.ThematicArea == Contracts.Common.V1.ThematicArea.Unspecified || project.ThematicAreas.Contains(request.ThematicArea))
            .Where(project => request.IatiActivityStatus == 0 || project.IatiActivityStatus == request.IatiActivityStatus)
            .ToList();
        return (projects, page);
    }

    /// <summary>
    /// The project named <c>projects/{iati_identifier}</c> and when anything it shows last
    /// changed, or null when there is no such published project: an identifier of another
    /// publisher, or not ending with a request id, is as unknown as an unpublished request.
    /// </summary>
    public async Task<(PublishedProject Project, DateTimeOffset LastModified)?> GetAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        var ownPrefix = $"{NamePrefix}{iati.ReportingOrganisationRef}-";
        var requestId = name.StartsWith(ownPrefix, StringComparison.Ordinal) ? name[ownPrefix.Length..] : string.Empty;
        if (!ResourceIds.IsWellFormed(requestId) || await pages.ActivityAsync(caller, requestId, cancellationToken) is not { } activity)
        {
            return null;
        }

        var requestChanged = activity.Request.UpdateTime?.ToDateTimeOffset();
        var activityChanged = activity.LastChanged(clock.GetUtcNow());
        return (ProjectOf(activity), requestChanged is { } known && known > activityChanged ? known : activityChanged);
    }

    private PublishedProject ProjectOf(FundedActivity activity)
    {
        var committed = new CurrencyTotals();
        foreach (var allocation in activity.Allocations)
        {
            committed.Add(allocation.Allocation.CurrencyCode, (allocation.Ledger.State == AllocationState.Active ? allocation.Ledger.Amount : allocation.Ledger.Disbursed).TotalNanos);
        }

        var disbursed = new CurrencyTotals();
        foreach (var disbursement in activity.Disbursements)
        {
            disbursed.Add(disbursement.CurrencyCode, new Amount(disbursement.Units, disbursement.Nanos).TotalNanos);
        }

        var request = activity.Request;
        return new PublishedProject
        {
            IatiIdentifier = $"{iati.ReportingOrganisationRef}-{RequestFacts.IdOf(request)}",
            Title = request.Title,
            RequestingState = request.RequestingState,
            ThematicAreas = { request.ThematicAreas },
            IatiActivityStatus = int.Parse(IatiCodes.ActivityStatus(request.State, activity.MoneyOutstanding), System.Globalization.CultureInfo.InvariantCulture),
            Committed = { committed.ToMoney() },
            Disbursed = { disbursed.ToMoney() },
            Funders = { activity.Allocations.Select(allocation => allocation.Allocation.DonorId).Distinct(StringComparer.Ordinal)
                .Select(donorId => activity.Donors.TryGetValue(donorId, out var donor) ? donor.DisplayName : null).OfType<string>().Order(StringComparer.Ordinal) },
        };
    }
}
