using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>Redis unreachable: callers get UNAVAILABLE (retryable), health says NOT_SERVING.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class StorageOutageTests(SuiteFixture suite)
{
    [Fact]
    public async Task Service_without_redis_answers_unavailable_and_reports_not_serving()
    {
        var deadRedis = $"127.0.0.1:{FreePort.Next()},connectTimeout=500";
        var (process, channel) = await suite.StartExtraAssistanceAsync(
            SuiteFixture.DirectTo(suite.TrainingAddress), deadRedis, HealthCheckResponse.Types.ServingStatus.NotServing);
        await using var _ = process;

        var failure = await RichErrors.FailsWith(StatusCode.Unavailable, () =>
            new AssistanceService.AssistanceServiceClient(channel)
                .GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = "requests/0123456789abcdef0123456789abcdef" }).ResponseAsync);

        Assert.Equal("STORAGE_UNAVAILABLE", failure.ErrorInfo()?.Reason);
        Assert.DoesNotContain("Redis", failure.Status.Detail, StringComparison.Ordinal);
    }
}
