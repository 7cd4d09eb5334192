namespace CapacityBuilding.Portal.Components.Shared;

/// <summary>One message next to a field: the field's AIP-193 path, the id of its input, and the message in the user's language.</summary>
public sealed record FormFieldError(string Field, string InputId, string Message);

/// <summary>
/// What a form shows after a service refused it: a summary (<see cref="ErrorSummary"/>) and a
/// message per field (<see cref="FieldMessage"/>). Made by <see cref="Localization.ServiceErrorMessages"/>.
/// </summary>
public sealed record FormErrors(string Summary, IReadOnlyList<FormFieldError> Fields)
{
    /// <summary>The messages of a field and, for a list, of its items (<see cref="FieldIds.ListOf"/>).</summary>
    public IEnumerable<FormFieldError> For(string field) => Fields.Where(error => FieldIds.ListOf(error.Field) == field);

    public bool Has(string field) => For(field).Any();
}
