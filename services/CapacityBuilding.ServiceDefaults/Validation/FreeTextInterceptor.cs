using CapacityBuilding.ServiceDefaults.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Refuses a request whose text breaks <see cref="FreeText"/> (INVALID_ARGUMENT naming each field)
/// and hands the handler, and the field rules before it, the text normalised as it is to be stored.
/// REST calls are transcoded to the same messages, so this covers them too.
/// </summary>
public sealed class FreeTextInterceptor(FreeTextFields fields, ApiErrors errors) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        NormaliseOrThrow(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        NormaliseOrThrow(request);
        return continuation(request, responseStream, context);
    }

    private void NormaliseOrThrow<TRequest>(TRequest request)
    {
        if (request is IMessage message && fields.Normalise(message) is { Count: > 0 } violations)
        {
            throw errors.InvalidArgument(violations);
        }
    }
}
