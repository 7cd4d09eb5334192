using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Clients;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// What an export withheld of its activities at their requesting states' wish, said in IATI's
/// terms (the element left out), so that the coordinator reading the export knows what the public
/// file lacks and why.
/// </summary>
public static class IatiWithholding
{
    public static IReadOnlyList<WithheldActivityParts> Of(IEnumerable<FundedActivity> activities, IatiOptions options) =>
        [.. activities
            .Where(activity => activity.Request.PublicationConsent?.WithheldFields.Count > 0)
            .Select(activity => new WithheldActivityParts
            {
                IatiIdentifier = $"{options.ReportingOrganisationRef}-{RequestFacts.IdOf(activity.Request)}",
                IatiElements = { activity.Request.PublicationConsent.WithheldFields.Distinct().Order().Select(ElementOf) },
            })];

    private static string ElementOf(WithheldField field) => field switch
    {
        WithheldField.Description => "description",
        WithheldField.Budget => "budget",
        WithheldField.Results => "result",
        WithheldField.ActualDates => "activity-date",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a field a state may withhold"),
    };
}
