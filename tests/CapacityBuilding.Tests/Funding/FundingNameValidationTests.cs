using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>Every funding method names its malformed field rather than failing some other way.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingNameValidationTests(SuiteFixture suite)
{
    private readonly FundingService.FundingServiceClient funding = new(suite.Gateway);

    public static TheoryData<string, string> Cases => new()
    {
        { "GetAllocation", "name" },
        { "ReleaseAllocation", "name" },
        { "ListAllocations", "assistance_request" },
        { "ListDisbursements", "parent" },
        { "CommitPledge", "name" },
        { "CancelPledge", "name" },
        { "GetRequestFunding", "assistance_request" },
        { "GetRequestFunding as_of", "as_of" },
        { "GetFundingSummary", "as_of" },
        { "ListExchangeRates", "currency_code" },
        { "ListAllocations page_size", "page_size" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_field_is_named(string method, string field)
    {
        const string Bad = "allocations/NOT-AN-ID";
        var badDay = new Date { Year = 2026, Month = 2, Day = 30 };
        Func<Task> call = method switch
        {
            "GetAllocation" => () => funding.GetAllocationAsync(new GetAllocationRequest { Name = Bad }).ResponseAsync,
            "ReleaseAllocation" => () => funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = Bad }).ResponseAsync,
            "ListAllocations" => () => funding.ListAllocationsAsync(new ListAllocationsRequest { AssistanceRequest = Bad }).ResponseAsync,
            "ListDisbursements" => () => funding.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = "requests/x" }).ResponseAsync,
            "CommitPledge" => () => funding.CommitPledgeAsync(new CommitPledgeRequest { Name = Bad }).ResponseAsync,
            "CancelPledge" => () => funding.CancelPledgeAsync(new CancelPledgeRequest { Name = Bad }).ResponseAsync,
            "GetRequestFunding" => () => funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = Bad }).ResponseAsync,
            "GetRequestFunding as_of" => async () =>
            {
                var request = await new FundingScenario(suite).RequestAsync();
                await funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name, AsOf = badDay });
            },
            "GetFundingSummary" => () => funding.GetFundingSummaryAsync(new GetFundingSummaryRequest { AsOf = badDay }).ResponseAsync,
            "ListExchangeRates" => () => funding.ListExchangeRatesAsync(new ListExchangeRatesRequest { CurrencyCode = "usd" }).ResponseAsync,
            "ListAllocations page_size" => () => funding.ListAllocationsAsync(new ListAllocationsRequest { PageSize = -1 }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, call);

        Assert.Equal([field], failure.ViolatedFields());
    }
}
