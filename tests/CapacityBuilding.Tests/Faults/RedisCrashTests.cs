using System.Collections.Concurrent;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace CapacityBuilding.Tests.Faults;

/// <summary>
/// Redis dies by SIGKILL in the middle of a burst of creates. With <c>appendfsync always</c> an
/// acknowledged create is on disk, so after Redis restarts on the same port and data folder every
/// acknowledged request is there, and the service, never restarted, goes NOT_SERVING and then
/// SERVING again by itself.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RedisCrashTests(SuiteFixture suite)
{
    private const int Writers = 8;
    private const int AcknowledgedBeforeKill = 60;
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Acknowledged_creates_survive_a_redis_sigkill_and_the_service_recovers_without_restart()
    {
        await using var redis = await RedisServer.StartAsync(new RedisServerOptions { AppendFsyncAlways = true });
        var address = SuiteFixture.Loopback(FreePort.Next());
        var configuration = new Dictionary<string, string>(SuiteFixture.DirectTo(suite.TrainingAddress).Concat(redis.ServiceConfiguration("assistance")))
        {
            ["Redis__ConnectionString"] = redis.Endpoint + ",connectTimeout=1000,syncTimeout=2000",
        };
        await using var service = await suite.StartExtraServiceAsync("assistance", address, configuration);
        var channel = suite.Channel(address);
        var assistance = new AssistanceService.AssistanceServiceClient(channel);
        var health = new Health.HealthClient(channel);

        var acknowledged = new ConcurrentBag<AssistanceRequest>();
        var failures = new ConcurrentBag<StatusCode>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var request = new CreateAssistanceRequestRequest
                {
                    AssistanceRequest = SampleData.Request(SampleData.UniqueTitle($"crash {writer}/{i}")),
                    RequestId = Guid.NewGuid().ToString(),
                };
                try
                {
                    var reply = await assistance.CreateAssistanceRequestAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                    acknowledged.Add(reply.AssistanceRequest);
                }
                catch (RpcException exception)
                {
                    failures.Add(exception.StatusCode);
                    await Task.Delay(50);
                }
            }
        })).ToArray();

        await WaitUntilAsync(() => acknowledged.Count >= AcknowledgedBeforeKill, TimeSpan.FromSeconds(60), "creates before the kill");
        await redis.KillAsync();
        await WaitUntilAsync(() => !failures.IsEmpty, TimeSpan.FromSeconds(20), "a failed create while Redis is down");
        await WaitForHealthAsync(health, HealthCheckResponse.Types.ServingStatus.NotServing);

        await redis.RestartAsync();
        await WaitForHealthAsync(health, HealthCheckResponse.Types.ServingStatus.Serving);
        var acknowledgedWhileUp = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count > acknowledgedWhileUp, TimeSpan.FromSeconds(20), "creates after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.False(service.HasExited);
        Assert.All(failures, status => Assert.Contains(status, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded }));
        foreach (var request in acknowledged)
        {
            var stored = (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest;
            Assert.Equal(request, stored);
        }

        Assert.Empty(await AssistanceKeyspaceAudit.PartialWritesAsync(redis.ConnectionString));
    }

    private static async Task WaitForHealthAsync(Health.HealthClient health, HealthCheckResponse.Types.ServingStatus expected)
    {
        var deadline = DateTime.UtcNow + HealthTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2))).Status;
            if (status == expected)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"health did not report {expected} within {HealthTimeout}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
