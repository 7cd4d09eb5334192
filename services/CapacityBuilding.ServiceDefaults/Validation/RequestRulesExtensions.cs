using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.ServiceDefaults.Validation;

public static class RequestRulesExtensions
{
    /// <summary>
    /// Runs a request type's hand-written rules in its handler, after the annotations passed in
    /// <see cref="RequestValidationInterceptor"/>: INVALID_ARGUMENT naming every bad field.
    /// </summary>
    public static void EnsureValid<TRequest>(this IRequestRules<TRequest> rules, TRequest request, ApiErrors errors)
    {
        var violations = new FieldViolations();
        rules.AddViolations(request, violations);
        violations.ThrowIfAny(errors);
    }
}
