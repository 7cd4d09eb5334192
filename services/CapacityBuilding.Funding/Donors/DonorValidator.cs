using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Donors;

/// <summary>The rules a donor must meet before it is stored; every broken rule is reported.</summary>
public sealed class DonorValidator(ApiErrors errors)
{
    public const int DisplayNameMaxLength = 200;

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
        }

        violations.ThrowIfAny(errors);
    }
}
