using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Clients;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// What the new and edit pages share: the posted <see cref="RequestForm"/>, saving it as a draft
/// (create with the form's request id, or update at its etag), then, for "Submit", submitting it;
/// the service's refusal shown next to the fields. After a save or a submit the browser is sent
/// on (post, redirect, get), so reloading the next page never posts again.
/// </summary>
public abstract class RequestFormPage : ComponentBase
{
    public const string FormName = "assistance-request";

    // Enough for the catalogue's published courses; the training service caps a page at 500.
    private const int CataloguePageSize = 200;

    [Inject]
    private ServiceClientFactory<AssistanceService.AssistanceServiceClient> Assistance { get; set; } = default!;

    [Inject]
    private ServiceClientFactory<TrainingService.TrainingServiceClient> Training { get; set; } = default!;

    [Inject]
    private ServiceErrorMessages ErrorMessages { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<RequestStrings> T { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm(FormName = FormName)]
    protected RequestForm? Form { get; set; }

    protected FormErrors? Errors { get; private set; }

    /// <summary>The refusal behind <see cref="Errors"/>, for what a page adds to it (a link to the current version).</summary>
    protected ServiceError? Refusal { get; private set; }

    /// <summary>Published courses the request may refer to, or null when the catalogue cannot be reached.</summary>
    protected IReadOnlyList<Course>? CatalogueCourses { get; private set; }

    protected Dictionary<string, string> CourseTitles { get; } = [];

    protected async Task LoadCatalogueAsync()
    {
        try
        {
            var found = await Training.Create().SearchCoursesAsync(new SearchCoursesRequest
            {
                Statuses = { CourseStatus.Published },
                PageSize = CataloguePageSize,
            });
            CatalogueCourses = found.Courses;
            foreach (var course in found.Courses)
            {
                CourseTitles[course.Name] = course.Title;
            }
        }
        catch (RpcException exception) when (RequestFormErrors.Shows(exception))
        {
            // The form works without the catalogue: courses can be added when it is back.
            CatalogueCourses = null;
        }
    }

    protected async Task SaveAsync()
    {
        var form = Form!;
        var unreadable = new List<string>();
        var message = RequestFormMessages.ToRequest(form, unreadable);
        if (unreadable.Count > 0)
        {
            Errors = new FormErrors(T["UnreadableSummary"],
                [.. unreadable.Select(field => new FormFieldError(field, FieldIds.Of(field), T["Unreadable_" + field]))]);
            return;
        }

        var client = Assistance.Create();
        AssistanceRequest saved;
        try
        {
            saved = form.Name.Length == 0
                ? (await client.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = message, RequestId = form.RequestId })).AssistanceRequest
                : await UpdateAsync(client, message);
        }
        catch (RpcException exception) when (RequestFormErrors.Shows(exception))
        {
            Refuse(exception);
            return;
        }

        // From here on the form edits the stored draft: a second post updates it, never creates another.
        Form = RequestFormMessages.ToForm(saved, form.RequestId);
        if (!form.Submitting)
        {
            Navigation.NavigateTo(RequestPaths.Edit(saved.Name, RequestPaths.SavedNotice));
            return;
        }

        try
        {
            await client.SubmitAssistanceRequestAsync(new SubmitAssistanceRequestRequest { Name = saved.Name, Etag = saved.Etag });
        }
        catch (RpcException exception) when (RequestFormErrors.Shows(exception))
        {
            Refuse(exception);
            return;
        }

        Navigation.NavigateTo(RequestPaths.Detail(saved.Name, RequestPaths.SubmittedNotice));
    }

    /// <summary>The stored request, for the edit page's form; null, with the not-found page shown, for a request the caller may not see.</summary>
    protected Task<AssistanceRequest?> GetRequestAsync(string name) => RequestReads.GetAsync(Assistance.Create(), name, Navigation);

    // Only the fields the person changed since the version they edited (its etag), so that the
    // history names them; with nothing changed there is nothing to write.
    private static async Task<AssistanceRequest> UpdateAsync(AssistanceService.AssistanceServiceClient client, AssistanceRequest edited)
    {
        var stored = (await client.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = edited.Name })).AssistanceRequest;
        var changed = RequestFieldChanges.Between(stored, edited);
        if (changed.Count == 0)
        {
            var unchanged = stored.Clone();
            unchanged.Etag = edited.Etag;
            return unchanged;
        }

        var response = await client.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = edited,
            UpdateMask = new FieldMask { Paths = { changed } },
        });
        return response.AssistanceRequest;
    }

    /// <summary>The field's label, for the error summary's "Title: ..." (none for a path the form has no input for).</summary>
    protected string? LabelOf(string field) => RequestFields.InFormOrder.Contains(field) ? T["Label_" + field].Value : null;

    private void Refuse(RpcException exception)
    {
        Refusal = RequestFormErrors.AtFormFields(ServiceError.From(exception));
        Errors = ErrorMessages.Describe(Refusal, typeof(RequestStrings));
    }
}
