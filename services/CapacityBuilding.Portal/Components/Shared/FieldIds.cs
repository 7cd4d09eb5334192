namespace CapacityBuilding.Portal.Components.Shared;

/// <summary>
/// The id of a form's input for a field path (<c>assistance_request.title</c> →
/// <c>field-assistance_request-title</c>), so that the error summary links to the input and the
/// input points at its message (<c>aria-describedby</c>) without each page inventing ids. A list
/// is one input on every form (a text area of lines, a group of checkboxes), so a path into a
/// list's item (<c>course.prerequisites[1]</c>, <c>exchange_rates[2].rate</c>) is the list's
/// field (<see cref="ListOf"/>): its input, its message, its label.
/// </summary>
public static class FieldIds
{
    public static string Of(string field) => "field-" + ListOf(field).Replace('.', '-');

    public static string MessageOf(string field) => Of(field) + "-message";

    /// <summary>The field a path is in, up to its first list index: <c>course.prerequisites[1]</c> → <c>course.prerequisites</c>.</summary>
    public static string ListOf(string field) => field.IndexOf('[', StringComparison.Ordinal) is var bracket and >= 0 ? field[..bracket] : field;
}
