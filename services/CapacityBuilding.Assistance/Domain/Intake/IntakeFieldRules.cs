using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Domain.Intake;

/// <summary>
/// The needs assessment and mandate of a request, beyond their annotations: a baseline per area
/// of the request, each area once; an endorsing authority that is not blank; an endorsement on a
/// real day that has come.
/// </summary>
public sealed class IntakeFieldRules(TimeProvider clock)
{
    public void AddViolations(FieldViolations violations, string prefix, AssistanceRequest request)
    {
        var areas = request.ThematicAreas.ToHashSet();
        for (var i = 0; i < request.NeedsBaselines.Count; i++)
        {
            var area = request.NeedsBaselines[i].ThematicArea;
            if (area != Contracts.Common.V1.ThematicArea.Unspecified && !areas.Contains(area))
            {
                violations.Add($"{prefix}.needs_baselines[{i}].thematic_area", $"{ProtoEnumNames.Of(area)} is not one of the request's thematic_areas.");
            }
        }

        violations.RequireDistinct($"{prefix}.needs_baselines", [.. request.NeedsBaselines.Select(baseline => baseline.ThematicArea)], ProtoEnumNames.Of);
        if (request.EndorsingAuthority.Length > 0 && string.IsNullOrWhiteSpace(request.EndorsingAuthority))
        {
            violations.Add($"{prefix}.endorsing_authority", "must not be blank.");
        }

        if (request.EndorsementDate is not null && violations.Require($"{prefix}.endorsement_date", request.EndorsementDate) is { } endorsed
            && endorsed > CalendarDates.Today(clock))
        {
            violations.Add($"{prefix}.endorsement_date", $"must not be in the future (today is {CalendarDates.Today(clock):yyyy-MM-dd}).");
        }
    }
}
