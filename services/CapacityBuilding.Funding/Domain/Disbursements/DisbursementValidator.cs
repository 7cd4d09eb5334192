using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.Disbursements;

/// <summary>
/// The rules of a disbursement that its proto's annotations cannot state (the allocation's name,
/// money and date as the suite reads them); every broken rule is reported. A disbursement records
/// money already paid, so its day is never after today (UTC): the IATI export reports it as a
/// transaction, and IATI rule 11.2.1 refuses transaction dates in the future.
/// </summary>
public sealed class DisbursementValidator(ApiErrors errors, TimeProvider clock) : IRequestRules<CreateDisbursementRequest>
{
    /// <returns>The allocation id and the disbursement day.</returns>
    public (string AllocationId, DateOnly Day) ValidateCreate(CreateDisbursementRequest request)
    {
        var violations = new FieldViolations();
        var (allocation, day) = Check(request, violations);
        violations.ThrowIfAny(errors);
        return (allocation!.AllocationId, day!.Value);
    }

    public void AddViolations(CreateDisbursementRequest request, FieldViolations violations) => Check(request, violations);

    private (AllocationName? Allocation, DateOnly? Day) Check(CreateDisbursementRequest request, FieldViolations violations)
    {
        var allocation = AllocationValidator.RequireName(violations, "parent", request.Parent, FundingNames.Allocation);
        DateOnly? day = null;
        if (request.Disbursement is not { } disbursement)
        {
            violations.Add("disbursement", "is required.");
        }
        else
        {
            violations.RequirePositiveMoney("disbursement.amount", disbursement.Amount);
            day = violations.Require("disbursement.disbursement_date", disbursement.DisbursementDate);
            if (day > CalendarDates.Today(clock))
            {
                violations.Add("disbursement.disbursement_date", "must not be in the future: a disbursement records money already paid.");
            }
        }

        return (allocation, day);
    }
}
