using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Pledges;

/// <summary>The rules a pledge must meet before it is stored; every broken rule is reported.</summary>
public sealed class PledgeValidator(ApiErrors errors)
{
    public void ValidateCreate(CreatePledgeRequest request)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        if (request.Pledge is not { } pledge)
        {
            violations.Add("pledge", "is required.");
        }
        else
        {
            violations.RequirePositiveMoney("pledge.amount", pledge.Amount);
        }

        violations.ThrowIfAny(errors);
    }
}
