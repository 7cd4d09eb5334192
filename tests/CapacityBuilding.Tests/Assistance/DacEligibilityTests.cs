using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// DAC eligibility from the shipped OECD list in force for the request's reporting year (the year
/// of its planned start) and the documented priority formula.
/// </summary>
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

    // São Tomé and Príncipe left the least developed countries on 13 December 2024: the list for
    // 2024 flows has it there, the list revised for 2025 flows at its World Bank group. Years before
    // the first edition read the first; years after the last read the last.
    [Theory]
    [InlineData(2019, DacIncomeGroup.LeastDeveloped, 50)]
    [InlineData(2024, DacIncomeGroup.LeastDeveloped, 50)]
    [InlineData(2025, DacIncomeGroup.LowerMiddleIncome, 30)]
    [InlineData(2031, DacIncomeGroup.LowerMiddleIncome, 30)]
    public async Task The_income_group_is_the_one_in_force_in_the_year_the_request_is_planned_to_start(int year, DacIncomeGroup group, int need)
    {
        var request = RequestLifecycleDriver.CompleteRequest("STP");
        (request.DesiredStart, request.DesiredEnd) = (new Date { Year = year, Month = 6, Day = 1 }, new Date { Year = year, Month = 9, Day = 30 });

        var created = await new RequestLifecycleDriver(assistance).CreateAsync(request);

        Assert.Equal((true, group), (created.DacEligible, created.DacIncomeGroup));
        Assert.Equal(need + 12, created.PriorityScore);
    }

    [Fact]
    public async Task Moving_the_planned_start_into_another_year_moves_the_income_group_with_it()
    {
        var request = RequestLifecycleDriver.CompleteRequest("STP");
        (request.DesiredStart, request.DesiredEnd) = (new Date { Year = 2024, Month = 11, Day = 1 }, new Date { Year = 2025, Month = 2, Day = 28 });
        var created = await new RequestLifecycleDriver(assistance).CreateAsync(request);

        var moved = (await assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest { Name = created.Name, DesiredStart = new Date { Year = 2025, Month = 1, Day = 15 } },
            UpdateMask = new FieldMask { Paths = { "desired_start" } },
        })).AssistanceRequest;

        Assert.Equal((DacIncomeGroup.LeastDeveloped, DacIncomeGroup.LowerMiddleIncome), (created.DacIncomeGroup, moved.DacIncomeGroup));
        Assert.Equal(created.PriorityScore - 20, moved.PriorityScore);
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
