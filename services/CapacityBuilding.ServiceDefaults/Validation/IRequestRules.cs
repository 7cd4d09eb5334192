namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// The hand-written rules of one request type that need no stored state but cannot be annotations
/// (code lists read from CSV, rules across fields, an item named when it repeats). The service's
/// validator runs them; <see cref="RequestValidationInterceptor"/> runs them too when the
/// annotations already failed, so that a caller hears of every bad field in one answer.
/// </summary>
public interface IRequestRules<in TRequest>
{
    void AddViolations(TRequest request, FieldViolations violations);
}
