using Grpc.Core;

namespace CapacityBuilding.DemoData;

/// <summary>One call through the gateway with a deadline; a refusal becomes a message that names what was being done.</summary>
public static class GatewayCall
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <param name="what">What the call does, for the message, e.g. <c>creating request 'demo-request-01'</c>.</param>
    public static async Task<TResponse> RunAsync<TResponse>(
        string what, Func<CallOptions, Task<TResponse>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(new CallOptions(deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new DemoDataException($"{what} failed: {e.StatusCode}: {e.Status.Detail}", e);
        }
    }
}
