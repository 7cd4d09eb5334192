using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Donors;

/// <summary>The rules a donor must meet before it is stored; every broken rule is reported.</summary>
public sealed partial class DonorValidator(ApiErrors errors)
{
    public const int DisplayNameMaxLength = 200;

    public const int IatiIdentifierMaxLength = 100;

    public void ValidateCreate(CreateDonorRequest request)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        if (request.Donor is not { } donor)
        {
            violations.Add("donor", "is required.");
        }
        else
        {
            violations.RequireText("donor.display_name", donor.DisplayName, DisplayNameMaxLength);
            violations.RequireEnum("donor.kind", donor.Kind);
            if (donor.Kind == Donor.Types.Kind.State || donor.Country.Length > 0)
            {
                violations.RequireCountry("donor.country", donor.Country);
            }

            if (donor.IatiIdentifier.Length > IatiIdentifierMaxLength)
            {
                violations.Add("donor.iati_identifier", $"must be at most {IatiIdentifierMaxLength} characters.");
            }
            else if (donor.IatiIdentifier.Length > 0 && !IatiOrganisationIdentifier().IsMatch(donor.IatiIdentifier))
            {
                violations.Add("donor.iati_identifier",
                    "must be an IATI organisation identifier: a registration agency prefix and an identifier joined by '-', e.g. XM-DAC-8.");
            }
        }

        violations.ThrowIfAny(errors);
    }

    // IATI organisation identifiers: an org-id.guide registration agency prefix (two upper-case
    // letters, a hyphen, an agency code), a hyphen, then the identifier, with no spaces.
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Z]{2}-[A-Za-z0-9]+-[A-Za-z0-9_.:/-]+$")]
    private static partial System.Text.RegularExpressions.Regex IatiOrganisationIdentifier();
}
