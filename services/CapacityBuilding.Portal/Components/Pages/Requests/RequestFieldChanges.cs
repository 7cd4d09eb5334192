using CapacityBuilding.Contracts.Assistance.V1;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// Which of the form's fields a person changed, as update-mask paths (AIP-134): the update names
/// only those, so the request's history says what changed rather than "everything the form has".
/// </summary>
public static class RequestFieldChanges
{
    /// <summary>The request's top-level fields the form edits, as the service names them.</summary>
    public static readonly IReadOnlyList<string> Editable =
    [
        "requesting_state", "title", "description", "thematic_areas", "courses", "focal_point", "beneficiary_institutions",
        "assistance_types", "desired_start", "desired_end", "languages", "estimated_participants", "indicative_budget", "target_audiences",
        "needs_baselines", "endorsing_authority", "endorsement_date",
    ];

    public static IReadOnlyList<string> Between(AssistanceRequest stored, AssistanceRequest edited) =>
        [.. Editable.Where(path =>
        {
            var accessor = AssistanceRequest.Descriptor.FindFieldByName(path).Accessor;
            return !Equals(accessor.GetValue(stored), accessor.GetValue(edited));
        })];
}
