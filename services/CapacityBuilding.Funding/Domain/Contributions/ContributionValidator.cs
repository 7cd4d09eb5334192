using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.Contributions;

/// <summary>
/// The rules of a contribution that its proto's annotations cannot state (the pledge's name,
/// money, and a received day that is not in the future); every broken rule is reported.
/// </summary>
public sealed class ContributionValidator(ApiErrors errors, TimeProvider clock) : IRequestRules<CreateContributionRequest>
{
    /// <returns>The pledge's name and the day the money was received.</returns>
    public (PledgeName Pledge, DateOnly Day) ValidateCreate(CreateContributionRequest request)
    {
        var violations = new FieldViolations();
        var (pledge, day) = Check(request, violations);
        violations.ThrowIfAny(errors);
        return (pledge!, day!.Value);
    }

    public void AddViolations(CreateContributionRequest request, FieldViolations violations) => Check(request, violations);

    private (PledgeName? Pledge, DateOnly? Day) Check(CreateContributionRequest request, FieldViolations violations)
    {
        var pledge = AllocationValidator.RequireName(violations, "parent", request.Parent, FundingNames.Pledge);
        DateOnly? day = null;
        if (request.Contribution is not { } contribution)
        {
            violations.Add("contribution", "is required.");
        }
        else
        {
            violations.RequirePositiveMoney("contribution.amount", contribution.Amount);
            day = violations.Require("contribution.received_date", contribution.ReceivedDate);
            if (day > CalendarDates.Today(clock))
            {
                violations.Add("contribution.received_date", "must not be in the future: record money once it is received.");
            }
        }

        return (pledge, day);
    }
}
