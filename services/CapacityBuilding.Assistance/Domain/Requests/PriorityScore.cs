using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// The priority of a request, 0 to 100, as documented on <c>AssistanceRequest.priority_score</c>
/// and in the README: need (DAC income group) + reach (participants) + foundations (legislation,
/// cooperation). Depends only on stored fields, never on the clock, so the priority index stays
/// right without being recomputed.
/// </summary>
public static class PriorityScore
{
    public const int Max = 100;

    public static int Of(DacIncomeGroup incomeGroup, int estimatedParticipants, IReadOnlyCollection<ThematicArea> areas)
    {
        var need = incomeGroup switch
        {
            DacIncomeGroup.LeastDeveloped => 50,
            DacIncomeGroup.OtherLowIncome => 40,
            DacIncomeGroup.LowerMiddleIncome => 30,
            DacIncomeGroup.UpperMiddleIncome => 20,
            _ => 0,
        };
        var reach = Math.Clamp(estimatedParticipants, 0, 100) / 5;
        var law = areas.Contains(ThematicArea.Legislation) ? 15 : 0;
        var links = areas.Contains(ThematicArea.MutualLegalAssistance) || areas.Contains(ThematicArea.Network247) ? 15 : 0;
        return need + reach + law + links;
    }
}
