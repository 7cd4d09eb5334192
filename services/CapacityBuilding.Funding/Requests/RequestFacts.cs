using CapacityBuilding.Contracts.Assistance.V1;
using Google.Protobuf.Reflection;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Funding.Requests;

/// <summary>What funding needs to know about an assistance request.</summary>
public static class RequestFacts
{
    // The assistance contract gains indicative_budget (google.type.Money) on its own branch; read
    // by name so that this service works with either version of the contract.
    private static readonly FieldDescriptor? IndicativeBudgetField = AssistanceRequest.Descriptor.FindFieldByName("indicative_budget");

    /// <summary>The request's indicative budget, or null when it has none (or the contract has no such field yet).</summary>
    public static Google.Type.Money? IndicativeBudget(AssistanceRequest request) =>
        IndicativeBudgetField?.Accessor.GetValue(request) as Google.Type.Money;

    /// <summary>Approved, or past approval in its lifecycle: the requests the programme funds.</summary>
    public static bool IsApprovedOrLater(AssistanceRequest request) =>
        request.State is State.Approved or State.InDelivery or State.Completed;

    public static string IdOf(AssistanceRequest request) => request.Name["requests/".Length..];
}
