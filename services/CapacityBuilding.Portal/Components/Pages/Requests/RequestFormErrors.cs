using CapacityBuilding.Portal.Clients;
using Grpc.Core;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// Which refusals a request form shows itself, and where: the person's typing stays on the page
/// for every answer about what they sent (bad fields, incomplete, changed meanwhile, already
/// saved, wrong state, the service away for a moment); a request they may not see goes to the
/// error page like any other page's.
/// </summary>
public static class RequestFormErrors
{
    public static bool Shows(RpcException exception) =>
        exception.StatusCode is not (StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.Unauthenticated);

    /// <summary>The refusal with each field problem at the form field that shows it, once per field and reason, in the form's order.</summary>
    public static ServiceError AtFormFields(ServiceError error) => error with
    {
        Fields = [.. error.Fields
            .Select(problem => problem with { Field = RequestFields.FormFieldOf(problem.Field) })
            .DistinctBy(problem => (problem.Field, problem.Reason))
            .OrderBy(problem => RequestFields.InFormOrder.Contains(problem.Field) ? RequestFields.InFormOrder.ToList().IndexOf(problem.Field) : int.MaxValue)],
    };
}
