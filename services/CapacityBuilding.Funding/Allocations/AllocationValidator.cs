using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Donors;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Allocations;

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
        var (pledgeIds, requestIds) = Check(request, violations);
        violations.ThrowIfAny(errors);
        return (pledgeIds![0], pledgeIds[1], requestIds![0]);
    }

    public void AddViolations(CreateAllocationRequest request, FieldViolations violations) => Check(request, violations);

    private static (string[]? PledgeIds, string[]? RequestIds) Check(CreateAllocationRequest request, FieldViolations violations)
    {
        string[]? pledgeIds = null;
        string[]? requestIds = null;
        if (request.Allocation is not { } allocation)
        {
            violations.Add("allocation", "is required.");
        }
        else
        {
            pledgeIds = RequireName(violations, "allocation.pledge", allocation.Pledge, FundingNames.Pledge);
            requestIds = RequireName(violations, "allocation.assistance_request", allocation.AssistanceRequest, FundingNames.AssistanceRequest);
            violations.RequirePositiveMoney("allocation.amount", allocation.Amount);
        }

        return (pledgeIds, requestIds);
    }

    internal static string[]? RequireName(FieldViolations violations, string field, string value, ServiceDefaults.Resources.ResourceName pattern)
    {
        if (value.Length == 0)
        {
            violations.Add(field, $"is required: a resource name of the form {pattern.Pattern}.");
            return null;
        }

        var ids = pattern.TryParse(value);
        if (ids is null)
        {
            violations.Add(field, $"must be a resource name of the form {pattern.Pattern}.");
        }

        return ids;
    }
}
