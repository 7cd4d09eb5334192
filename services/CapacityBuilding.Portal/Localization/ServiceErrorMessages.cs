using CapacityBuilding.Portal.Clients;
using CapacityBuilding.Portal.Components.Shared;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Localization;

/// <summary>
/// A service's error in the user's language. The summary: <c>Reason_{REASON}</c> of
/// Resources/Localization/ServiceErrorMessages.resx, else the service's own message. A field's
/// message, first found of: the page's <c>Violation_{field}_{REASON}</c>, the page's
/// <c>Violation_{field}</c>, the shared <c>FieldReason_{REASON}</c>, else the service's text; a
/// list's item (<c>course.prerequisites[1]</c>) takes the list's words (<c>Violation_course.prerequisites</c>).
/// These keys are optional, so they are looked up without strict mode's missing-string marker.
/// </summary>
public sealed class ServiceErrorMessages(ResourceManagerStringLocalizerFactory resources)
{
    private readonly IStringLocalizer shared = resources.Create(typeof(ServiceErrorMessages));

    /// <param name="page">The page (component type) whose resource file may word a field's message.</param>
    public FormErrors Describe(ServiceError error, Type page)
    {
        var pageStrings = resources.Create(page);
        var summary = Summary(error) ?? error.Message;
        var fields = error.Fields.Select(problem => new FormFieldError(problem.Field, FieldIds.Of(problem.Field),
                (problem.Reason is { } reason ? Find(pageStrings, $"Violation_{FieldIds.ListOf(problem.Field)}_{reason}") : null)
                ?? Find(pageStrings, $"Violation_{FieldIds.ListOf(problem.Field)}")
                ?? (problem.Reason is { } sharedReason ? Find(shared, $"FieldReason_{sharedReason}") : null)
                ?? problem.Description))
            .ToList();
        return new FormErrors(summary, fields);
    }

    /// <summary>The error's summary in the user's language (<c>Reason_</c>, else <c>Code_</c>), or null when neither is worded.</summary>
    public string? Summary(ServiceError error) => Find(shared, $"Reason_{error.Reason}") ?? Find(shared, $"Code_{error.Code}");

    private static string? Find(IStringLocalizer strings, string key) => strings[key] is { ResourceNotFound: false } found ? found.Value : null;
}
