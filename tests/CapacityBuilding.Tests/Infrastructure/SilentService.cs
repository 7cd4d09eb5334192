using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>
/// A service that is up (its <c>/health</c> answers 200, so the gateway routes to it) but never
/// answers a call: it keeps every other request open until the caller gives up. It records the
/// <c>grpc-timeout</c> each call arrived with.
/// </summary>
public sealed class SilentService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> grpcTimeouts = new();

    private SilentService(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The <c>grpc-timeout</c> of each call received, empty when it carried none.</summary>
    public IReadOnlyCollection<string> GrpcTimeouts => grpcTimeouts;

    public static async Task<SilentService> StartAsync()
    {
        var (builder, address) = LoopbackHttp2App.CreateBuilder();
        var app = builder.Build();
        var service = new SilentService(app, address);
        app.Run(async context =>
        {
            if (context.Request.Path == "/health")
            {
                return;
            }

            service.grpcTimeouts.Enqueue(context.Request.Headers["grpc-timeout"].ToString());
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up, which is what this service waits for.
            }
        });
        await app.StartAsync();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
