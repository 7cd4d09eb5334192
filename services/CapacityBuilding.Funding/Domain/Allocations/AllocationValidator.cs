using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.Allocations;

/// <summary>
/// The shape of an allocation request beyond its annotations (resource names, money); whether the
/// money may move is decided later.
/// </summary>
public sealed class AllocationValidator(ApiErrors errors) : IRequestRules<CreateAllocationRequest>
{
    /// <returns>The ids in the pledge name and the request id.</returns>
    public (string DonorId, string PledgeId, string RequestId) ValidateCreate(CreateAllocationRequest request)
    {
        var violations = new FieldViolations();
        var (pledge, assistanceRequest) = Check(request, violations);
        violations.ThrowIfAny(errors);
        return (pledge!.DonorId, pledge.PledgeId, assistanceRequest!.RequestId);
    }

    public void AddViolations(CreateAllocationRequest request, FieldViolations violations) => Check(request, violations);

    private static (PledgeName? Pledge, AssistanceRequestName? AssistanceRequest) Check(CreateAllocationRequest request, FieldViolations violations)
    {
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

        return (pledge, assistanceRequest);
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
