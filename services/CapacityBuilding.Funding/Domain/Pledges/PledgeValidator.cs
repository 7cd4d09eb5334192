using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Regions;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.Pledges;

/// <summary>
/// The rules of a pledge that its proto's annotations cannot state: money and dates as the suite
/// reads them, validity in order, earmarks from the M49 and ISO 3166 lists and named when they
/// repeat. Every broken rule is reported.
/// </summary>
public sealed class PledgeValidator : IRequestRules<CreatePledgeRequest>
{
    public void AddViolations(CreatePledgeRequest request, FieldViolations violations)
    {
        if (request.Pledge is not { } pledge)
        {
            violations.Add("pledge", "is required.");
        }
        else
        {
            violations.RequirePositiveMoney("pledge.amount", pledge.Amount);
            var from = violations.Require("pledge.valid_from", pledge.ValidFrom);
            var until = violations.Require("pledge.valid_until", pledge.ValidUntil);
            if (from is { } first && until is { } last && last < first)
            {
                violations.Add("pledge.valid_until", $"must not be before valid_from ({first:yyyy-MM-dd}).");
            }

            if (pledge.Earmarks is { } earmarks)
            {
                ValidateEarmarks(violations, earmarks);
            }
        }
    }

    private static void ValidateEarmarks(FieldViolations violations, Earmarks earmarks)
    {
        violations.RequireDistinct("pledge.earmarks.thematic_areas", earmarks.ThematicAreas, ProtoEnumNames.Of);

        RequireDistinctCodes(violations, "pledge.earmarks.regions", earmarks.Regions, M49Regions.IsAreaCode,
            "is not a UN M49 region, sub-region or intermediate region code such as 002 or 202.");
        RequireDistinctCodes(violations, "pledge.earmarks.countries", earmarks.Countries, CountryCodes.IsAssigned,
            "is not an ISO 3166-1 alpha-3 country code.");
    }

    private static void RequireDistinctCodes(
        FieldViolations violations, string field, Google.Protobuf.Collections.RepeatedField<string> codes, Func<string, bool> isKnown, string unknownDescription)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!isKnown(codes[i]))
            {
                violations.Add($"{field}[{i}]", $"'{(codes[i].Length > 40 ? codes[i][..40] + "…" : codes[i])}' {unknownDescription}");
            }
            else if (!seen.Add(codes[i]))
            {
                violations.Add($"{field}[{i}]", $"repeats '{codes[i]}'.");
            }
        }
    }
}
