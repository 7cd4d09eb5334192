using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Gateway;

/// <summary>
/// The gateway remembers the bearer tokens it accepted, by their exact text, so that a caller's
/// next calls skip the validation: a remembered token still stops working when it expires, and a
/// token that differs from one it accepted (a forged signature) gets the full check and fails.
/// The gateway here allows no clock skew, while the services keep theirs: a refusal after the
/// expiry can only be the gateway's.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayTokenMemoryTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var (process, _, grpc) = await suite.StartExtraGatewayAsync(new Dictionary<string, string>
        {
            ["Authentication__Jwt__ClockSkew"] = "00:00:00",
        });
        await using var _ = process;
        var lifetime = TimeSpan.FromSeconds(8);
        var mintedAt = DateTimeOffset.UtcNow;
        var training = new TrainingService.TrainingServiceClient(suite.Channel(grpc, suite.Tokens.Mint(CallerRole.Coordinator, "short-lived", lifetime: lifetime)));

        await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 });
        await training.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 });
        // The token's exp is in whole seconds: wait until it is past for certain.
        await Task.Delay(mintedAt + lifetime + TimeSpan.FromSeconds(1.5) - DateTimeOffset.UtcNow);
        var refusal = await RichErrors.FailsWith(StatusCode.Unauthenticated, () => training.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 }).ResponseAsync);

        Assert.Equal(GatewayRefusalTests.GatewayDomain, refusal.ErrorInfo()?.Domain);
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_is_refused_right_after_the_genuine_one_passed()
    {
        var genuine = suite.Tokens.Mint(CallerRole.Coordinator, "remembered");
        var signature = genuine.LastIndexOf('.') + 5;
        var forged = string.Concat(genuine.AsSpan(0, signature), genuine[signature] == 'A' ? "B" : "A", genuine.AsSpan(signature + 1));
        var accepted = new TrainingService.TrainingServiceClient(suite.Channel(suite.GatewayGrpcAddress, genuine));
        var refused = new TrainingService.TrainingServiceClient(suite.Channel(suite.GatewayGrpcAddress, forged));

        await accepted.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 });
        var refusal = await RichErrors.FailsWith(StatusCode.Unauthenticated, () => refused.ListCoursesAsync(new ListCoursesRequest { PageSize = 1 }).ResponseAsync);

        Assert.Equal(GatewayRefusalTests.GatewayDomain, refusal.ErrorInfo()?.Domain);
    }
}
