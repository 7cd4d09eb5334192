using CapacityBuilding.ServiceDefaults.Errors;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Refuses a request that breaks a rule annotated in its proto before any handler sees it:
/// INVALID_ARGUMENT naming every bad field, together with what the request type's
/// <see cref="IRequestRules{TRequest}"/> find, in the order the fields are declared.
/// </summary>
public sealed class RequestValidationInterceptor(AnnotatedFieldRules rules, ApiErrors errors, IServiceProvider services) : RequestMessageInterceptor
{
    protected override void Inspect<TRequest>(TRequest request)
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
