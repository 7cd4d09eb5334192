using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The budget sums are changed in the same write as the request: after many parallel creates,
/// approvals with budgets, budget edits, withdrawals and other racing state changes, they equal a
/// recount of the requests, in every group and currency, billions included.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class BudgetTotalsTests(SuiteFixture suite)
{
    private const int Requests = 12;

    private static readonly State[] Targets = [State.Completed, State.Withdrawn, State.Rejected, State.InDelivery, State.Approved, State.Suspended];
    private static readonly string[] Countries = ["LSO", "FJI", "URY"];
    private static readonly string[] Currencies = ["USD", "EUR", "JPY"];

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "budget-totals-coordinator");

    [Fact]
    public async Task Parallel_creates_approvals_budget_edits_and_withdrawals_leave_the_sums_equal_to_a_recount()
    {
        var driver = new RequestLifecycleDriver(coordinator);
        var areas = Enum.GetValues<ThematicArea>().Where(area => area != ThematicArea.Unspecified).ToArray();
        var created = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i =>
        {
            var request = RequestLifecycleDriver.CompleteRequest(Countries[i % Countries.Length]);
            request.ThematicAreas.Clear();
            request.ThematicAreas.Add([areas[i % areas.Length], areas[(i + 5) % areas.Length]]);
            request.IndicativeBudget = Budget(i);
            return driver.CreateAsync(request);
        }));

        // Each request is walked towards several targets at once, approved with a budget of its own
        // and edited; the walks race and most of them lose somewhere.
        await Task.WhenAll(created.Select((request, i) => (request, i)).SelectMany(entry => Targets
            .Select(target => WalkAsync(driver, entry.request.Name, target))
            .Append(ApproveAsync(entry.request.Name, Budget(entry.i + 7)))
            .Append(EditBudgetAsync(entry.request.Name, Budget(entry.i + 3)))));

        Assert.Equal(await BudgetRecount.OfEveryFundedRequestAsync(coordinator), await coordinator.GetBudgetTotalsAsync(new GetBudgetTotalsRequest()));
        var finals = await Task.WhenAll(created.Select(async request => (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest));
        Assert.Contains(finals, request => request.State is State.Approved or State.InDelivery or State.Completed or State.Suspended);
    }

    [Fact]
    public async Task A_member_state_may_not_read_the_sums()
    {
        var memberState = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, "budget-totals-focal", country: "GHA")));

        var exception = await Assert.ThrowsAsync<RpcException>(() => memberState.GetBudgetTotalsAsync(new GetBudgetTotalsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, exception.StatusCode);
    }

    /// <summary>Amounts past a billion units, with nanos, in a few currencies: every part of the kept sums moves.</summary>
    private static Money Budget(int i) => new() { CurrencyCode = Currencies[i % Currencies.Length], Units = 1_500_000_000L * (i + 1) + i, Nanos = 250_000_000 * (i % 4) };

    private static async Task WalkAsync(RequestLifecycleDriver driver, string name, State target)
    {
        try
        {
            foreach (var step in AssistanceRequestLifecycle.PathTo(target))
            {
                await driver.ActAsync(name, step.Action);
            }
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
        {
            // Another walk got there first.
        }
    }

    private async Task ApproveAsync(string name, Money budget)
    {
        try
        {
            await coordinator.ReviewAssistanceRequestAsync(new ReviewAssistanceRequestRequest
            {
                Name = name, Decision = ReviewAssistanceRequestRequest.Types.Decision.Approve, Reason = "budget sums test",
                ApprovedBudget = budget, OverlapConfirmation = RequestLifecycleDriver.OverlapConfirmation,
            });
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
        {
            // Not under review at that moment.
        }
    }

    private async Task EditBudgetAsync(string name, Money budget)
    {
        try
        {
            await coordinator.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
            {
                AssistanceRequest = new AssistanceRequest { Name = name, IndicativeBudget = budget },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "indicative_budget" } },
            });
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
        {
            // No longer editable.
        }
    }
}
