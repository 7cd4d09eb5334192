using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.Donors;

/// <summary>
/// The rule of a donor that its proto's annotations cannot state: a country from the ISO 3166
/// list, which a state must have. Every broken rule is reported.
/// </summary>
public sealed class DonorValidator : IRequestRules<CreateDonorRequest>
{
    public void AddViolations(CreateDonorRequest request, FieldViolations violations)
    {
        if (request.Donor is not { } donor)
        {
            violations.Add("donor", "is required.");
        }
        else if (donor.Kind == Donor.Types.Kind.State || donor.Country.Length > 0)
        {
            violations.RequireCountry("donor.country", donor.Country);
        }
    }
}
