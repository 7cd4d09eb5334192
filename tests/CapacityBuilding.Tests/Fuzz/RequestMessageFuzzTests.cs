using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using StackExchange.Redis;
using AssistanceService = CapacityBuilding.Contracts.Assistance.V1.AssistanceService;
using FundingService = CapacityBuilding.Contracts.Funding.V1.FundingService;
using TrainingService = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// Property-based tests over the request message of every rpc, one case per method, called
/// through the gateway with a real token of a role the method allows: whatever the values
/// (random, at a boundary, or left out), the answer is a success or a deliberate error (never
/// INTERNAL or UNKNOWN; INVALID_ARGUMENT names the bad fields), a refused call writes nothing,
/// and what a call stores reads back as it answered. The properties are in
/// <see cref="AssistanceFuzzProperties"/>, <see cref="TrainingFuzzProperties"/> and
/// <see cref="FundingFuzzProperties"/>; a method without one fails here.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestMessageFuzzTests(SuiteFixture suite) : IAsyncLifetime
{
    private static readonly Dictionary<string, Func<SuiteFixture, FuzzCalls, Task>> Properties = new[]
    {
        Named(AssistanceService.Descriptor, AssistanceFuzzProperties.ByMethod, (suite, calls) => new AssistanceFuzzProperties(suite, calls)),
        Named(TrainingService.Descriptor, TrainingFuzzProperties.ByMethod, (suite, calls) => new TrainingFuzzProperties(suite, calls)),
        Named(FundingService.Descriptor, FundingFuzzProperties.ByMethod, (suite, calls) => new FundingFuzzProperties(suite, calls)),
    }.SelectMany(properties => properties).ToDictionary();

    private ConnectionMultiplexer redis = null!;

    private static readonly string[] Rpcs = [.. GatewayClients.Services.SelectMany(service => service.Methods).Select(method => $"{method.Service.Name}/{method.Name}")];

    public static TheoryData<string> Methods => [.. Rpcs];

    public async Task InitializeAsync() => redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString + ",allowAdmin=true");

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public void Every_rpc_of_every_service_has_a_fuzz_property_and_every_property_an_rpc() =>
        Assert.Equal(Rpcs.Order(), Properties.Keys.Order());

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Random_and_boundary_requests_never_fail_internally_nor_write_partially_and_valid_ones_round_trip(string method)
    {
        Assert.True(Properties.TryGetValue(method, out var property), $"{method} has no fuzz property: add one to the service's *FuzzProperties.ByMethod.");

        try
        {
            await property(suite, new FuzzCalls(redis.GetServers()[0]));
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            // A failure here may show only once, in CI: keep what the services said at the time.
            throw new Xunit.Sdk.XunitException($"{failure.Message}\n{suite.RecentOutputOfProcesses()}", failure);
        }
    }

    private static IEnumerable<KeyValuePair<string, Func<SuiteFixture, FuzzCalls, Task>>> Named<TProperties>(
        ServiceDescriptor service,
        IReadOnlyDictionary<string, Func<TProperties, Task>> byMethod,
        Func<SuiteFixture, FuzzCalls, TProperties> create) =>
        byMethod.Select(entry => KeyValuePair.Create<string, Func<SuiteFixture, FuzzCalls, Task>>(
            $"{service.Name}/{entry.Key}", (suite, calls) => entry.Value(create(suite, calls))));
}
