namespace CapacityBuilding.Benchmarks.Suite;

/// <summary>
/// Puts a path base in front of every call's path, as a gRPC client behind a path-routed proxy
/// would: the harness reaches the gateway's variant routes (<see cref="GatewayVariantRoutes"/>) at
/// paths of their own this way, since a gRPC method's path is fixed by its service and name.
/// </summary>
internal sealed class PathBaseHandler(string pathBase, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        request.RequestUri = new UriBuilder(uri) { Path = pathBase + uri.AbsolutePath }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
