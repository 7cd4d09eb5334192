using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Faults;

/// <summary>
/// The assistance process is killed between the steps of a flow (create, then read back), while
/// creates are in flight. A client that retries every create it did not see answered, with the
/// same request_id, ends with each request stored exactly once, and what was acknowledged before
/// the crash reads back unchanged from the restarted process.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ProcessCrashTests(SuiteFixture suite)
{
    private const int Creates = 40;

    [Fact]
    public async Task Assistance_killed_between_create_and_read_loses_and_duplicates_nothing()
    {
        var address = SuiteFixture.Loopback(FreePort.Next());
        var configuration = SuiteFixture.DirectTo(suite.TrainingAddress);
        var process = await suite.StartExtraServiceAsync("assistance", address, configuration);
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Channel(address));
        var prefix = SampleData.UniqueTitle("process crash");
        var requests = Enumerable.Range(0, Creates).Select(i => new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request($"{prefix} #{i}"),
            RequestId = Guid.NewGuid().ToString(),
        }).ToList();

        // Step 1: the first half is acknowledged; the second half is in flight when the process dies.
        var acknowledged = new Dictionary<string, AssistanceRequest>();
        foreach (var request in requests.Take(Creates / 2))
        {
            acknowledged[request.RequestId] = (await assistance.CreateAssistanceRequestAsync(request)).AssistanceRequest;
        }

        var inFlight = requests.Skip(Creates / 2).Select(request => TryCreateAsync(assistance, request)).ToList();
        await process.KillAsync();
        foreach (var (request, reply) in requests.Skip(Creates / 2).Zip(await Task.WhenAll(inFlight)))
        {
            if (reply is not null)
            {
                acknowledged[request.RequestId] = reply;
            }
        }

        await using var restarted = await suite.StartExtraServiceAsync("assistance", address, configuration);

        // Step 2: read back what was acknowledged, and retry everything with the same request ids.
        foreach (var first in acknowledged.Values)
        {
            Assert.Equal(first, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = first.Name })).AssistanceRequest);
        }

        foreach (var request in requests)
        {
            var retried = (await assistance.CreateAssistanceRequestAsync(request)).AssistanceRequest;
            if (acknowledged.TryGetValue(request.RequestId, out var first))
            {
                Assert.Equal(first, retried);
            }
        }

        var stored = await AssistanceKeyspaceAudit.CountByTitleAsync(suite.Redis.ConnectionString);
        Assert.All(requests, request => Assert.Equal(1, stored.GetValueOrDefault(request.AssistanceRequest.Title)));

        await process.DisposeAsync();
    }

    private static async Task<AssistanceRequest?> TryCreateAsync(AssistanceService.AssistanceServiceClient assistance, CreateAssistanceRequestRequest request)
    {
        try
        {
            return (await assistance.CreateAssistanceRequestAsync(request, deadline: DateTime.UtcNow.AddSeconds(5))).AssistanceRequest;
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Cancelled)
        {
            // Killed mid-call: the client cannot know whether it was stored; it will retry.
            return null;
        }
    }
}
