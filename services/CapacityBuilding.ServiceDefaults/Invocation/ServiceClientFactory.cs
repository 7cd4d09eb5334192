using Grpc.Core;
using Grpc.Net.ClientFactory;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// Makes the typed client of another app when a call needs one. The gRPC client factory builds a
/// client and its interceptors each time one is resolved, so a class that took the client in its
/// constructor paid for it on every request that built the class, while most requests (every
/// read, and every create whose courses are already known) call no other app.
/// </summary>
public sealed class ServiceClientFactory<TClient>(GrpcClientFactory factory, string name)
    where TClient : ClientBase
{
    /// <summary>A client of the app, set up as <see cref="InvocationServiceCollectionExtensions.AddServiceClient{TClient}"/> registered it.</summary>
    public TClient Create() => factory.CreateClient<TClient>(name);
}
