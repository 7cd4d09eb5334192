using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrainingClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>The handler at the bottom of a cross-service client's pipeline, as the invocation layer builds it in a mode.</summary>
internal static class CrossServiceHandler
{
    public static SocketsHttpHandler Primary(string mode)
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
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        return Xunit.Assert.IsType<SocketsHttpHandler>(handler);
    }
}
