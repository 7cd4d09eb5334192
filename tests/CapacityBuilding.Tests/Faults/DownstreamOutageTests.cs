using System.Diagnostics;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Faults;

/// <summary>
/// Training, which assistance asks whether courses exist, is stopped in the middle of a flow:
/// assistance answers UNAVAILABLE before the caller's deadline and stores nothing; once training
/// is back, the client's retry with the same request_id stores the request exactly once.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DownstreamOutageTests(SuiteFixture suite)
{
    private static readonly TimeSpan CallerDeadline = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Training_stopped_mid_flow_gives_unavailable_in_time_and_the_retry_completes_exactly_once()
    {
        var catalogue = new TrainingService.TrainingServiceClient(suite.Gateway);
        var course = (await catalogue.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("outage")) })).Course;
        // A course assistance has not checked yet: one it has confirmed is not asked again (KnownCourses).
        var notYetChecked = (await catalogue.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("unchecked")) })).Course;
        var trainingAddress = SuiteFixture.Loopback(FreePort.Next());
        var training = await suite.StartExtraServiceAsync("training", trainingAddress, new Dictionary<string, string>());
        var assistanceAddress = SuiteFixture.Loopback(FreePort.Next());
        await using var assistanceProcess = await suite.StartExtraServiceAsync("assistance", assistanceAddress, SuiteFixture.DirectTo(trainingAddress));
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Channel(assistanceAddress));
        var request = new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("outage"), notYetChecked.Name),
            RequestId = Guid.NewGuid().ToString(),
        };
        await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("before outage"), course.Name),
        });

        await training.KillAsync();
        var clock = Stopwatch.StartNew();
        var failure = await RichErrors.FailsWith(StatusCode.Unavailable, () =>
            assistance.CreateAssistanceRequestAsync(request, deadline: DateTime.UtcNow + CallerDeadline).ResponseAsync);
        clock.Stop();

        Assert.True(clock.Elapsed < CallerDeadline, $"answered after {clock.Elapsed}");
        Assert.Equal("TRAINING_UNAVAILABLE", failure.ErrorInfo()?.Reason);
        Assert.Equal(0, await AssistanceKeyspaceAudit.CountTitledAsync(suite.Redis.ConnectionString, request.AssistanceRequest.Title));

        await using var restarted = await suite.StartExtraServiceAsync("training", trainingAddress, new Dictionary<string, string>());
        var first = await RetryWhileUnavailableAsync(() => assistance.CreateAssistanceRequestAsync(request, deadline: DateTime.UtcNow + CallerDeadline).ResponseAsync);
        var second = await assistance.CreateAssistanceRequestAsync(request, deadline: DateTime.UtcNow + CallerDeadline);

        Assert.Equal(first.AssistanceRequest, second.AssistanceRequest);
        Assert.Equal(1, await AssistanceKeyspaceAudit.CountTitledAsync(suite.Redis.ConnectionString, request.AssistanceRequest.Title));
        await training.DisposeAsync();
    }

    /// <summary>
    /// What a client does after UNAVAILABLE: retry the same request id with a pause, a bounded
    /// number of times (assistance reconnects to training with back-off capped at 2 s).
    /// </summary>
    private static async Task<T> RetryWhileUnavailableAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
