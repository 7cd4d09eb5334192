using System.Net;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.Tests.OpenApi;

/// <summary>
/// The REST routes the services serve, as ASP.NET Core's JSON transcoding builds them from the
/// same generated service bases the services implement, on a loopback host of the test's own.
/// The host answers no call: it tells which route a request matched (<c>x-route</c>) and which
/// rpc that route calls (<c>x-rpc</c>), so that a document's paths are checked by the real router.
/// </summary>
public sealed class ServiceRouteTable : IAsyncDisposable
{
    private const string RouteHeader = "x-route";
    private const string RpcHeader = "x-rpc";

    private readonly WebApplication app;
    private readonly HttpClient client;

    private ServiceRouteTable(WebApplication app, IReadOnlySet<string> routes)
    {
        this.app = app;
        Routes = routes;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>Every route, as <c>VERB pattern</c>.</summary>
    public IReadOnlySet<string> Routes { get; }

    public static async Task<ServiceRouteTable> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The tests' output folder holds a service's appsettings.json (its Urls, HTTP/2 only): this host reads none.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddGrpc().AddJsonTranscoding();
        var app = builder.Build();
        app.UseRouting();
        app.Use((HttpContext context, RequestDelegate _) =>
        {
            if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
            {
                context.Response.Headers[RouteHeader] = KeyOf(endpoint);
                context.Response.Headers[RpcHeader] = $"{grpc.Method.ServiceName.Split('.')[^1]}_{grpc.Method.Name}";
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapGrpcService<AssistanceRoutes>();
        app.MapGrpcService<TrainingRoutes>();
        app.MapGrpcService<FundingRoutes>();
        await app.StartAsync();

        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null && endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Select(KeyOf)
            .Where(key => !key.Contains("/capacitybuilding.", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        return new ServiceRouteTable(app, routes);
    }

    /// <summary>The route and rpc <paramref name="method"/> <paramref name="path"/> reaches, or nulls for none.</summary>
    public async Task<(string? Route, string? Rpc)> MatchAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(request);
        return (Header(response, RouteHeader), Header(response, RpcHeader));
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static string KeyOf(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)} {endpoint.RoutePattern.RawText}";

    // Only the routes matter: no method of these is ever called.
    private sealed class AssistanceRoutes : AssistanceService.AssistanceServiceBase;

    private sealed class TrainingRoutes : TrainingService.TrainingServiceBase;

    private sealed class FundingRoutes : FundingService.FundingServiceBase;
}
