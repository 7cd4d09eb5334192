using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using StackExchange.Redis;

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

    [Fact]
    public async Task The_request_id_is_claimed_as_one_string_and_a_key_remembered_as_a_hash_before_still_answers()
    {
        var request = new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("older key")), RequestId = Guid.NewGuid().ToString() };
        var created = (await assistance.CreateAssistanceRequestAsync(request)).AssistanceRequest;
        var id = created.Name["requests/".Length..];
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        var (key, claim) = await ClaimOfAsync(redis, id);
        var fingerprint = claim[..claim.IndexOf(' ', StringComparison.Ordinal)];

        // As creates remembered the request id before they claimed it in one SET: a hash.
        await database.KeyDeleteAsync(key);
        await database.HashSetAsync(key, [new HashEntry("id", id), new HashEntry("fingerprint", fingerprint)]);
        var retried = (await assistance.CreateAssistanceRequestAsync(request)).AssistanceRequest;
        var changed = request.Clone();
        changed.AssistanceRequest.Description = "Another payload under the same request id.";
        var reuse = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => assistance.CreateAssistanceRequestAsync(changed).ResponseAsync);

        Assert.Equal(fingerprint + " " + id, claim);
        Assert.Equal(created.Name, retried.Name);
        Assert.Equal(ErrorReasons.RequestIdReused, reuse.ErrorInfo()?.Reason);
        Assert.Single(await ListTitledAsync(request.AssistanceRequest.Title));
    }

    /// <summary>The idempotency key naming the request <paramref name="id"/> and its text: '{fingerprint} {id}'.</summary>
    private static async Task<(RedisKey Key, string Claim)> ClaimOfAsync(ConnectionMultiplexer redis, string id)
    {
        var database = redis.GetDatabase();
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: "assistance:requests:request-ids:*", pageSize: 1_000))
        {
            if (await database.KeyTypeAsync(key) == RedisType.String && (string?)await database.StringGetAsync(key) is { } claim && claim.EndsWith(" " + id, StringComparison.Ordinal))
            {
                return (key, claim);
            }
        }

        throw new Xunit.Sdk.XunitException($"No idempotency key names request {id} as a string.");
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
