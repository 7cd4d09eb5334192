using CapacityBuilding.Contracts.Transport;
using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;
using Grpc.Net.Client;

namespace CapacityBuilding.Testing;

/// <summary>
/// gRPC channels of the tests and benchmarks to a suite process on loopback: with the suite's
/// HTTP/2 handler (<see cref="Http2ClientHandler"/>'s window), a bearer token on every call and,
/// when given, the harness named as the app relaying it (<see cref="SuiteServiceTokens"/>), which a
/// service called directly requires.
/// </summary>
public static class LoopbackChannels
{
    /// <summary>A channel whose calls carry <paramref name="token"/> (none when it is empty) and <paramref name="relayingApp"/>'s token, when given.</summary>
    public static GrpcChannel ForAddress(Uri address, string token, SuiteServiceTokens? relayingApp = null)
    {
        var options = new GrpcChannelOptions { HttpHandler = Http2ClientHandler.Create(), DisposeHttpClient = true };
        if (token.Length > 0 || relayingApp is not null)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                if (token.Length > 0)
                {
                    metadata.Add("authorization", "Bearer " + token);
                }

                if (relayingApp is not null)
                {
                    metadata.Add(RelayingAppHeader.Name, RelayingAppHeader.Format(relayingApp.Current()));
                }

                return Task.CompletedTask;
            }));
            // Loopback without TLS: bearer tokens over cleartext are acceptable only here.
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(address, options);
    }
}
