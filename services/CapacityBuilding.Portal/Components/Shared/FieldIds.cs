namespace CapacityBuilding.Portal.Components.Shared;

/// <summary>
/// The id of a form's input for a field path (<c>assistance_request.title</c> →
/// <c>field-assistance_request-title</c>), so that the error summary links to the input and the
/// input points at its message (<c>aria-describedby</c>) without each page inventing ids.
/// </summary>
public static class FieldIds
{
    public static string Of(string field) => "field-" + field.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    public static string MessageOf(string field) => Of(field) + "-message";
}
