using CapacityBuilding.Portal.Components.Shared;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>
/// An input's ARIA attributes for its field's problems: <c>aria-invalid</c> and
/// <c>aria-describedby</c> naming the <see cref="FieldMessage"/> only when there is a message,
/// so that no input points at an element that is not there.
/// </summary>
public static class FieldAria
{
    public static Dictionary<string, object> For(FormErrors? errors, string field) =>
        errors?.Has(field) == true
            ? new() { ["id"] = FieldIds.Of(field), ["aria-invalid"] = "true", ["aria-describedby"] = FieldIds.MessageOf(field) }
            : new() { ["id"] = FieldIds.Of(field) };
}
