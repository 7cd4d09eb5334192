using CapacityBuilding.ServiceDefaults.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Refuses a request that breaks a rule annotated in its proto before any handler sees it:
/// INVALID_ARGUMENT naming every bad field, together with what the request type's
/// <see cref="IRequestRules{TRequest}"/> find, in the order the fields are declared.
/// </summary>
public sealed class RequestValidationInterceptor(AnnotatedFieldRules rules, ApiErrors errors, IServiceProvider services) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ThrowIfInvalid(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ThrowIfInvalid(request);
        return continuation(request, responseStream, context);
    }

    private void ThrowIfInvalid<TRequest>(TRequest request)
    {
        if (request is not IMessage message || rules.Check(message) is not { Count: > 0 } annotated)
        {
            return;
        }

        var violations = new FieldViolations();
        violations.AddRange(annotated);
        services.GetService<IRequestRules<TRequest>>()?.AddViolations(request, violations);
        throw errors.InvalidArgument(violations.InDeclarationOrder(message.Descriptor));
    }
}
