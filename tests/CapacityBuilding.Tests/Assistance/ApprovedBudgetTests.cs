using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>A coordinator approves a budget with the approval only: positive, in an ISO 4217 currency, stored and in the history.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class ApprovedBudgetTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "budget-coordinator");

    [Fact]
    public async Task An_approval_stores_its_budget_and_names_it_in_the_history()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateInStateAsync(State.UnderReview, IntakeSamples.InYear());
        var budget = new Money { CurrencyCode = "EUR", Units = 150_000, Nanos = 500_000_000 };

        var approved = (await assistance.ReviewAssistanceRequestAsync(Review(request.Name, Decision.Approve, budget))).AssistanceRequest;

        Assert.Equal(State.Approved, approved.State);
        Assert.Equal(budget, approved.ApprovedBudget);
        Assert.Equal(budget, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest.ApprovedBudget);
        Assert.Equal(["approved_budget"], (await driver.HistoryAsync(request.Name))[^1].ChangedFields);
        Assert.True((await assistance.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name })).Intact);
    }

    [Fact]
    public async Task An_approval_without_a_budget_keeps_none_and_changes_no_field()
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateInStateAsync(State.UnderReview, IntakeSamples.InYear());

        var approved = (await assistance.ReviewAssistanceRequestAsync(Review(request.Name, Decision.Approve, null))).AssistanceRequest;

        Assert.Null(approved.ApprovedBudget);
        Assert.Empty((await driver.HistoryAsync(request.Name))[^1].ChangedFields);
    }

    public static TheoryData<string, Decision, Money> RefusedBudgets => new()
    {
        { "with a rejection", Decision.Reject, new Money { CurrencyCode = "USD", Units = 10 } },
        { "with a return", Decision.Return, new Money { CurrencyCode = "USD", Units = 10 } },
        { "of zero", Decision.Approve, new Money { CurrencyCode = "USD" } },
        { "negative", Decision.Approve, new Money { CurrencyCode = "USD", Units = -10 } },
        { "in no currency", Decision.Approve, new Money { CurrencyCode = "XXX", Units = 10 } },
        { "beyond the bound", Decision.Approve, new Money { CurrencyCode = "USD", Units = 1_000_000_000_000, Nanos = 1 } },
    };

    [Theory]
    [MemberData(nameof(RefusedBudgets))]
    public async Task A_budget_is_refused_and_nothing_changes(string why, Decision decision, Money budget)
    {
        var driver = new RequestLifecycleDriver(assistance);
        var request = await driver.CreateInStateAsync(State.UnderReview, IntakeSamples.InYear());

        var exception = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => assistance.ReviewAssistanceRequestAsync(Review(request.Name, decision, budget)).ResponseAsync);

        Assert.True(exception.ViolatedFields().All(field => field.StartsWith("approved_budget", StringComparison.Ordinal)) && exception.ViolatedFields().Count > 0, why);
        Assert.Equal(State.UnderReview, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest.State);
    }

    private static ReviewAssistanceRequestRequest Review(string name, Decision decision, Money? budget) =>
        new() { Name = name, Decision = decision, Reason = "budget test", ApprovedBudget = budget };
}
