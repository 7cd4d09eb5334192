using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Who may do what with money: coordinators move it, donors see and pledge only their own,
/// auditors read, member states stay out of funding.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingPermissionTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    public static TheoryData<string, CallerRole, StatusCode> MethodCases => new()
    {
        { "allocate", CallerRole.Donor, StatusCode.PermissionDenied },
        { "allocate", CallerRole.Auditor, StatusCode.PermissionDenied },
        { "allocate", CallerRole.MemberState, StatusCode.PermissionDenied },
        { "load rates", CallerRole.Auditor, StatusCode.PermissionDenied },
        { "load rates", CallerRole.Donor, StatusCode.PermissionDenied },
        { "cancel pledge", CallerRole.Donor, StatusCode.PermissionDenied },
        { "summary", CallerRole.MemberState, StatusCode.PermissionDenied },
        { "summary", CallerRole.Auditor, StatusCode.OK },
        { "summary", CallerRole.Donor, StatusCode.OK },
        { "export", CallerRole.Auditor, StatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(MethodCases))]
    public async Task Each_method_admits_only_its_roles(string method, CallerRole role, StatusCode expected)
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var client = ClientFor(role, donorId: pledge.Name.Split('/')[1]);

        Func<Task> call = method switch
        {
            "allocate" => () => client.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 1 })).ResponseAsync,
            "load rates" => () => client.LoadExchangeRatesAsync(new LoadExchangeRatesRequest
            {
                ExchangeRates = { new ExchangeRate { CurrencyCode = "GBP", EffectiveDate = new Date { Year = 2091, Month = 1, Day = 1 }, Rate = new Money { CurrencyCode = "USD", Units = 1 } } },
            }).ResponseAsync,
            "cancel pledge" => () => client.CancelPledgeAsync(new CancelPledgeRequest { Name = pledge.Name }).ResponseAsync,
            "summary" => () => client.GetFundingSummaryAsync(new GetFundingSummaryRequest()).ResponseAsync,
            "export" => () => client.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest()).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

        if (expected == StatusCode.OK)
        {
            await call();
        }
        else
        {
            await RichErrors.FailsWith(expected, call);
            Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
        }
    }

    [Fact]
    public async Task A_donor_sees_its_own_pledges_and_allocations_only()
    {
        var own = await scenario.PledgeAsync(100);
        var others = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var ten = new Money { CurrencyCode = "USD", Units = 10 };
        var ownAllocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(own, request, ten))).Allocation;
        var othersAllocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(others, request, ten))).Allocation;
        var donor = ClientFor(CallerRole.Donor, donorId: own.Name.Split('/')[1]);

        Assert.Equal(90, (await donor.GetPledgeAsync(new GetPledgeRequest { Name = own.Name })).Pledge.RemainingBalance.Units);
        await RichErrors.FailsWith(StatusCode.NotFound, () => donor.GetPledgeAsync(new GetPledgeRequest { Name = others.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () => donor.GetAllocationAsync(new GetAllocationRequest { Name = othersAllocation.Name }).ResponseAsync);
        var listed = await donor.ListAllocationsAsync(new ListAllocationsRequest { AssistanceRequest = request.Name });
        Assert.Equal([ownAllocation.Name], listed.Allocations.Select(allocation => allocation.Name));
    }

    private FundingService.FundingServiceClient ClientFor(CallerRole role, string donorId)
    {
        var token = role switch
        {
            CallerRole.Donor => suite.Tokens.Mint(role, $"donor-{donorId}", donorId: donorId),
            CallerRole.MemberState => suite.Tokens.Mint(role, "focal-point-gha", country: "GHA"),
            _ => suite.Tokens.Mint(role, $"test-{role}"),
        };
        return new FundingService.FundingServiceClient(suite.Channel(suite.GatewayGrpcAddress, token));
    }
}
