using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>Bad input is INVALID_ARGUMENT with every bad field named, and nothing is stored.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class AssistanceRequestValidationTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Gateway);

    public static TheoryData<string, Action<AssistanceRequest>, string[]> InvalidRequests => new()
    {
        { "unknown country", request => request.RequestingState = "ABC", ["assistance_request.requesting_state"] },
        { "alpha-2 country", request => request.RequestingState = "GH", ["assistance_request.requesting_state"] },
        { "lower-case country", request => request.RequestingState = "gha", ["assistance_request.requesting_state"] },
        { "missing country", request => request.RequestingState = "", ["assistance_request.requesting_state"] },
        { "blank title", request => request.Title = "   ", ["assistance_request.title"] },
        { "title too long", request => request.Title = new string('t', 201), ["assistance_request.title"] },
        { "description too long", request => request.Description = new string('d', 5001), ["assistance_request.description"] },
        { "no thematic area", request => request.ThematicAreas.Clear(), ["assistance_request.thematic_areas"] },
        { "unspecified thematic area", request => request.ThematicAreas.Add(ThematicArea.Unspecified), ["assistance_request.thematic_areas[1]"] },
        { "unknown thematic area", request => request.ThematicAreas.Add((ThematicArea)999), ["assistance_request.thematic_areas[1]"] },
        { "repeated thematic area", request => request.ThematicAreas.Add(ThematicArea.ElectronicEvidence), ["assistance_request.thematic_areas[1]"] },
        { "malformed course name", request => request.Courses.Add("course/1"), ["assistance_request.courses[0]"] },
        { "repeated course", request => request.Courses.Add(["courses/0123456789abcdef0123456789abcdef", "courses/0123456789abcdef0123456789abcdef"]), ["assistance_request.courses[1]"] },
        { "focal point e-mail malformed", request => request.FocalPoint = new FocalPoint { DisplayName = "A", Email = "not an address" }, ["assistance_request.focal_point.email"] },
        { "focal point without name", request => request.FocalPoint = new FocalPoint { Email = "a@example.org" }, ["assistance_request.focal_point.display_name"] },
        { "blank beneficiary institution", request => request.BeneficiaryInstitutions.Add(" "), ["assistance_request.beneficiary_institutions[0]"] },
        { "repeated beneficiary institution", request => request.BeneficiaryInstitutions.Add(["Police", "police"]), ["assistance_request.beneficiary_institutions[1]"] },
        { "unknown assistance type", request => request.AssistanceTypes.Add((AssistanceType)99), ["assistance_request.assistance_types[0]"] },
        { "unspecified target audience", request => request.TargetAudiences.Add(TargetAudience.Unspecified), ["assistance_request.target_audiences[0]"] },
        { "partial start date", request => request.DesiredStart = new Google.Type.Date { Year = 2027, Month = 3 }, ["assistance_request.desired_start"] },
        { "impossible end date", request => request.DesiredEnd = new Google.Type.Date { Year = 2027, Month = 2, Day = 30 }, ["assistance_request.desired_end"] },
        {
            "end before start",
            request => { request.DesiredStart = new Google.Type.Date { Year = 2027, Month = 3, Day = 2 }; request.DesiredEnd = new Google.Type.Date { Year = 2027, Month = 3, Day = 1 }; },
            ["assistance_request.desired_end"]
        },
        { "language not a UN language", request => request.Languages.Add(["en", "de"]), ["assistance_request.languages[1]"] },
        { "negative participants", request => request.EstimatedParticipants = -1, ["assistance_request.estimated_participants"] },
        { "too many participants", request => request.EstimatedParticipants = 100_001, ["assistance_request.estimated_participants"] },
        { "negative budget", request => request.IndicativeBudget = new Google.Type.Money { CurrencyCode = "USD", Units = -5 }, ["assistance_request.indicative_budget"] },
        { "budget in no currency", request => request.IndicativeBudget = new Google.Type.Money { CurrencyCode = "XXX", Units = 5 }, ["assistance_request.indicative_budget.currency_code"] },
        { "budget beyond the bound", request => request.IndicativeBudget = new Google.Type.Money { CurrencyCode = "VND", Units = long.MaxValue }, ["assistance_request.indicative_budget"] },
        {
            "several problems at once",
            request => { request.RequestingState = "ZZZ"; request.Title = ""; request.ThematicAreas.Clear(); },
            ["assistance_request.requesting_state", "assistance_request.title", "assistance_request.thematic_areas"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_request_names_its_fields_and_is_not_stored(string @case, Action<AssistanceRequest> spoil, string[] expectedFields)
    {
        var request = SampleData.Request(SampleData.UniqueTitle(@case));
        spoil(request);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = request }).ResponseAsync);

        Assert.Equal(expectedFields, failure.ViolatedFields());
        Assert.Equal("assistance.capacitybuilding.unodc.org", failure.ErrorInfo()?.Domain);
        Assert.DoesNotContain("Exception", failure.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_request_body_is_invalid()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest()).ResponseAsync);

        Assert.Equal(["assistance_request"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Oversized_idempotency_key_is_invalid()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
            {
                AssistanceRequest = SampleData.Request(),
                RequestId = new string('k', 101),
            }).ResponseAsync);

        Assert.Equal(["request_id"], failure.ViolatedFields());
    }

    [Theory]
    [InlineData("requests/0123456789abcdef0123456789abcdef", StatusCode.NotFound)]
    [InlineData("requests/not-an-id", StatusCode.InvalidArgument)]
    [InlineData("courses/0123456789abcdef0123456789abcdef", StatusCode.InvalidArgument)]
    [InlineData("", StatusCode.InvalidArgument)]
    public async Task Get_answers_not_found_for_missing_and_invalid_argument_for_malformed_names(string name, StatusCode expected)
    {
        var failure = await RichErrors.FailsWith(expected, () =>
            assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name }).ResponseAsync);

        Assert.Equal(expected == StatusCode.NotFound ? "RESOURCE_NOT_FOUND" : "INVALID_ARGUMENT", failure.ErrorInfo()?.Reason);
    }
}
