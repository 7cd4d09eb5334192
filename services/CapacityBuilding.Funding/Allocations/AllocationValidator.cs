using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Donors;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Allocations;

/// <summary>The shape of an allocation request; whether the money may move is decided later.</summary>
public sealed class AllocationValidator(ApiErrors errors)
{
    /// <returns>The ids in the pledge name and the request id.</returns>
    public (string DonorId, string PledgeId, string RequestId) ValidateCreate(CreateAllocationRequest request)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        PledgeName? pledge = null;
        AssistanceRequestName? assistanceRequest = null;
        if (request.Allocation is not { } allocation)
        {
            violations.Add("allocation", "is required.");
        }
        else
        {
            pledge = RequireName(violations, "allocation.pledge", allocation.Pledge, FundingNames.Pledge);
            assistanceRequest = RequireName(violations, "allocation.assistance_request", allocation.AssistanceRequest, FundingNames.AssistanceRequest);
            violations.RequirePositiveMoney("allocation.amount", allocation.Amount);
        }

        violations.ThrowIfAny(errors);
        return (pledge!.DonorId, pledge.PledgeId, assistanceRequest!.RequestId);
    }

    internal static TName? RequireName<TName>(FieldViolations violations, string field, string value, ServiceDefaults.Resources.ResourceName<TName> pattern)
        where TName : class
    {
        if (value.Length == 0)
        {
            violations.Add(field, $"is required: a resource name of the form {pattern.Pattern}.");
            return null;
        }

        var name = pattern.TryParse(value);
        if (name is null)
        {
            violations.Add(field, $"must be a resource name of the form {pattern.Pattern}.");
        }

        return name;
    }
}
