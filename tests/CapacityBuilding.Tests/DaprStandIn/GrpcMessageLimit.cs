using System.Buffers.Binary;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// daprd's limit on each gRPC message it proxies, both ways: 4 MiB unless the pod sets
/// <c>dapr.io/max-body-size</c> (dapr/dapr v1.16.19 <c>cmd/daprd/options/options.go</c>,
/// <c>--max-body-size</c>, default <c>runtime.DefaultMaxRequestBodySize</c>; applied to the proxy's
/// calls in <c>pkg/api/grpc/proxy/handler.go</c> as <c>MaxCallRecvMsgSize</c>/<c>MaxCallSendMsgSize</c>
/// and to its server in <c>pkg/api/grpc/server.go</c>). A message over it fails with grpc-go's
/// RESOURCE_EXHAUSTED (grpc-go v1.73.0 <c>rpc_util.go</c>).
/// </summary>
internal static class GrpcMessageLimit
{
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>The length of the first length-prefixed gRPC message in <paramref name="body"/> over <paramref name="limit"/>, or null.</summary>
    public static long? FirstOversizeMessage(ReadOnlySpan<byte> body, int limit)
    {
        while (body.Length >= 5)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(body[1..5]);
            if (length > limit)
            {
                return length;
            }

            body = body[(int)Math.Min(body.Length, 5 + length)..];
        }

        return null;
    }

    public static string ReceivedTooLarge(long length, int limit) => $"grpc: received message larger than max ({length} vs. {limit})";
}
