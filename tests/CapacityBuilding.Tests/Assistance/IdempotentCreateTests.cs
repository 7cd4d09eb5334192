using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>AIP-155: a create retried with its request id never makes a second resource.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class IdempotentCreateTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Gateway);

    [Fact]
    public async Task Retries_with_the_same_request_id_return_the_first_request()
    {
        var requestId = Guid.NewGuid().ToString();
        var request = new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("retry")), RequestId = requestId };

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => assistance.CreateAssistanceRequestAsync(request).ResponseAsync));

        Assert.Single(replies.Select(reply => reply.AssistanceRequest.Name).Distinct());
        Assert.Single(await ListTitledAsync(request.AssistanceRequest.Title));
    }

    [Fact]
    public async Task Creates_without_request_id_are_distinct()
    {
        var request = new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("no key")) };

        var first = await assistance.CreateAssistanceRequestAsync(request);
        var second = await assistance.CreateAssistanceRequestAsync(request);

        Assert.NotEqual(first.AssistanceRequest.Name, second.AssistanceRequest.Name);
        Assert.Equal(2, (await ListTitledAsync(request.AssistanceRequest.Title)).Count);
    }

    private async Task<List<AssistanceRequest>> ListTitledAsync(string title)
    {
        var found = new List<AssistanceRequest>();
        var token = "";
        do
        {
            var page = await assistance.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 500, PageToken = token });
            found.AddRange(page.AssistanceRequests.Where(request => request.Title == title));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return found;
    }
}
