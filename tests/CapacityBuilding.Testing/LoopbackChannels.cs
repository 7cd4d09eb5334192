using CapacityBuilding.Contracts.Transport;
using Grpc.Core;
using Grpc.Net.Client;

namespace CapacityBuilding.Testing;

/// <summary>
/// gRPC channels of the tests and benchmarks to a suite process on loopback: with the suite's
/// HTTP/2 handler (<see cref="Http2ClientHandler"/>'s window) and a bearer token on every call.
/// </summary>
public static class LoopbackChannels
{
    /// <summary>A channel whose calls carry <paramref name="token"/>, or no token when it is empty.</summary>
    public static GrpcChannel ForAddress(Uri address, string token)
    {
        var options = new GrpcChannelOptions { HttpHandler = Http2ClientHandler.Create(), DisposeHttpClient = true };
        if (token.Length > 0)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + token);
                return Task.CompletedTask;
            }));
            // Loopback without TLS: bearer tokens over cleartext are acceptable only here.
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(address, options);
    }
}
