using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>DAC eligibility from the shipped OECD list (2024-2025 flows) and the documented priority formula.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class DacEligibilityTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "dac-coordinator");

    // 60 participants give reach 12; the themes add 0, 15 or 30.
    [Theory]
    [InlineData("AFG", DacIncomeGroup.LeastDeveloped, new[] { ThematicArea.ElectronicEvidence }, 50 + 12)]
    [InlineData("PRK", DacIncomeGroup.OtherLowIncome, new[] { ThematicArea.ElectronicEvidence }, 40 + 12)]
    [InlineData("GHA", DacIncomeGroup.LowerMiddleIncome, new[] { ThematicArea.Legislation }, 30 + 12 + 15)]
    [InlineData("VNM", DacIncomeGroup.LowerMiddleIncome, new[] { ThematicArea.MutualLegalAssistance, ThematicArea.Legislation }, 30 + 12 + 15 + 15)]
    [InlineData("BRA", DacIncomeGroup.UpperMiddleIncome, new[] { ThematicArea.Network247 }, 20 + 12 + 15)]
    [InlineData("MSR", DacIncomeGroup.UpperMiddleIncome, new[] { ThematicArea.ElectronicEvidence }, 20 + 12)]
    [InlineData("NOR", DacIncomeGroup.Unspecified, new[] { ThematicArea.ElectronicEvidence }, 0 + 12)]
    [InlineData("CHL", DacIncomeGroup.Unspecified, new[] { ThematicArea.ElectronicEvidence }, 0 + 12)]
    public async Task Eligibility_income_group_and_priority_follow_the_list_and_the_formula(
        string country, DacIncomeGroup group, ThematicArea[] areas, int priority)
    {
        var request = RequestLifecycleDriver.CompleteRequest(country);
        request.ThematicAreas.Clear();
        request.ThematicAreas.Add(areas);

        var created = await new RequestLifecycleDriver(assistance).CreateAsync(request);

        Assert.Equal((group != DacIncomeGroup.Unspecified, group, priority), (created.DacEligible, created.DacIncomeGroup, created.PriorityScore));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(100, 20)]
    [InlineData(5000, 20)]
    public async Task Reach_counts_participants_up_to_one_hundred(int participants, int reach)
    {
        var request = RequestLifecycleDriver.CompleteRequest("NOR");
        request.EstimatedParticipants = participants;

        var created = await new RequestLifecycleDriver(assistance).CreateAsync(request);

        Assert.Equal(reach, created.PriorityScore);
    }
}
