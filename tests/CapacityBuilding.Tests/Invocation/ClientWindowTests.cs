using CapacityBuilding.Contracts.Transport;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// The services' calls to each other, in both invocation modes, go through a handler with
/// <see cref="Http2ClientHandler"/>'s stream window, the workaround for Kestrel losing the
/// response after a large one (dotnet/aspnetcore#53736).
/// </summary>
public sealed class ClientWindowTests
{
    [Theory]
    [InlineData("Direct")]
    [InlineData("Dapr")]
    public void Cross_service_clients_open_streams_with_the_large_window(string mode)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Invocation:Mode"] = mode,
            ["Invocation:Apps:training"] = "http://127.0.0.1:5102",
        }).Build();
        var services = new ServiceCollection();
        var client = services.AddServiceClient<TrainingClient>(configuration, "training", new UnreachableAnswer("TRAINING_UNAVAILABLE", "Training cannot be reached."));
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client.Name);

        var primary = Assert.IsType<SocketsHttpHandler>(Innermost(handler));
        Assert.Equal(Http2ClientHandler.InitialStreamWindowSize, primary.InitialHttp2StreamWindowSize);
        Assert.True(primary.EnableMultipleHttp2Connections);
    }

    private static HttpMessageHandler Innermost(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        return handler;
    }
}
