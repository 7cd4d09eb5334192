using CapacityBuilding.Portal.Clients;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using Grpc.Core;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>
/// Whether a form shows a service's error itself: the answers about what was sent (invalid fields,
/// a duplicate, a state that does not allow it, a stale etag, another country's national). Any
/// other error (not found, unavailable) goes to the error page, as for a page that only reads.
/// </summary>
public static class ServiceRefusal
{
    public static bool IsShownOnForm(RpcException exception) => exception.StatusCode is StatusCode.InvalidArgument
        or StatusCode.AlreadyExists or StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.PermissionDenied;

    /// <param name="page">The form's page, whose resource file may word a field's message.</param>
    public static FormErrors Describe(this ServiceErrorMessages messages, RpcException exception, Type page) =>
        messages.Describe(ServiceError.From(exception), page);
}
