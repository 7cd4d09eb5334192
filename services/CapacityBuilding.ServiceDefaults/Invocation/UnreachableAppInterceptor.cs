using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// Turns "the other app could not be reached" into the calling service's own UNAVAILABLE error and
/// logs it once, so that no caller of another app catches and translates it itself. Unreachable is
/// UNAVAILABLE, DEADLINE_EXCEEDED, or UNKNOWN (a connection broken mid-call, or a sidecar that
/// knows no such app): the caller's own request may be retried; it was not the caller's fault.
/// Every other status passes through unchanged for the caller to interpret (NOT_FOUND, ...).
/// </summary>
internal sealed partial class UnreachableAppInterceptor(string appId, UnreachableAnswer answer, ApiErrors errors, ILogger<UnreachableAppInterceptor> logger)
    : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(
            TranslateAsync(call.ResponseAsync, context.Method.FullName), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> TranslateAsync<TResponse>(Task<TResponse> response, string method)
    {
        try
        {
            return await response;
        }
        catch (RpcException exception) when (IsUnreachable(exception.StatusCode))
        {
            LogUnreachable(logger, appId, method, exception.StatusCode);
            throw errors.Unavailable(answer.Reason, answer.Message);
        }
    }

    private bool IsUnreachable(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown
        || (answer.IncludesInternal && code == StatusCode.Internal);

    [LoggerMessage(EventId = EventIds.AppUnreachable, Level = LogLevel.Warning, Message = "App {AppId} could not be reached for {Method}: {StatusCode}")]
    private static partial void LogUnreachable(ILogger logger, string appId, string method, StatusCode statusCode);
}
