using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>Reads the rich error model (AIP-193) off a failed call, as a client would.</summary>
internal static class RichErrors
{
    public static IReadOnlyList<string> ViolatedFields(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(violation => violation.Field).ToList() ?? [];

    public static ErrorInfo? ErrorInfo(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>();

    public static async Task<RpcException> FailsWith(StatusCode expected, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, exception.StatusCode);
        return exception;
    }
}
