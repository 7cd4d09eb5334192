using CapacityBuilding.Portal.Components.Shared;

namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// An input's aria-invalid and aria-describedby from a form's errors: set only when the field has a
/// message (<see cref="FieldMessage"/>), so a screen reader reads it with the field.
/// </summary>
public static class FieldAria
{
    public static string? Invalid(this FormErrors? errors, string field) => errors?.Has(field) == true ? "true" : null;

    public static string? DescribedBy(this FormErrors? errors, string field) => errors?.Has(field) == true ? FieldIds.MessageOf(field) : null;
}
