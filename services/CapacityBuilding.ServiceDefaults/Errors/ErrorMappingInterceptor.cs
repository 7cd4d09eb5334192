using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Errors;

/// <summary>
/// The one place where failures become gRPC statuses. Errors our code raises on purpose are
/// already <see cref="RpcException"/>s and pass through; a create's reused request id (thrown
/// where Redis replies, see <see cref="RequestIdReusedException"/>) is ALREADY_EXISTS; Redis being unreachable becomes
/// UNAVAILABLE (the caller may retry); anything else is a bug, logged with its stack and
/// answered as INTERNAL without the exception's text.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ApiErrors errors, ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RedisConnectionException or RedisTimeoutException:
                LogStorageUnavailable(logger, context.Method, exception.GetType().Name);
                return errors.Unavailable(ErrorReasons.StorageUnavailable, "Storage is temporarily unavailable; retry with back-off.");
            case RequestIdReusedException:
                return errors.RequestIdReused();
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed."));
            default:
                LogUnhandled(logger, exception, context.Method);
                return errors.Internal();
        }
    }

    [LoggerMessage(EventId = EventIds.StorageUnavailable, Level = LogLevel.Warning, Message = "{Method}: storage unavailable ({ExceptionType})")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, string exceptionType);

    [LoggerMessage(EventId = EventIds.UnhandledException, Level = LogLevel.Error, Message = "{Method}: unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method);
}
