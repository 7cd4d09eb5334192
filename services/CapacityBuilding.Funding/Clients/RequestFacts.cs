using CapacityBuilding.Contracts.Assistance.V1;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Funding.Clients;

/// <summary>What funding needs to know about an assistance request.</summary>
public static class RequestFacts
{
    /// <summary>The request's indicative budget, or null when it has none.</summary>
    public static Google.Type.Money? IndicativeBudget(AssistanceRequest request) => request.IndicativeBudget;

    /// <summary>Approved, or past approval in its lifecycle (a suspended request keeps the money it holds): the requests the programme funds.</summary>
    public static readonly IReadOnlyList<State> FundedStates = [State.Approved, State.InDelivery, State.Completed, State.Suspended];

    public static string IdOf(AssistanceRequest request) => request.Name["requests/".Length..];
}
