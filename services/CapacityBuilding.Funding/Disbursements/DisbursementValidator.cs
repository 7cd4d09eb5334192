using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Allocations;
using CapacityBuilding.Funding.Calendar;
using CapacityBuilding.Funding.Donors;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Disbursements;

/// <summary>The rules a disbursement must meet before it is recorded; every broken rule is reported.</summary>
public sealed class DisbursementValidator(ApiErrors errors)
{
    public const int DescriptionMaxLength = 500;

    /// <returns>The allocation id and the disbursement day.</returns>
    public (string AllocationId, DateOnly Day) ValidateCreate(CreateDisbursementRequest request)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
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
            violations.OptionalText("disbursement.description", disbursement.Description, DescriptionMaxLength);
        }

        violations.ThrowIfAny(errors);
        return (allocation!.AllocationId, day!.Value);
    }
}
