using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Assistance.Requests;
using CapacityBuilding.Assistance.Training;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Paging;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Grpc;

public sealed class AssistanceService(
    RedisAssistanceRequestRepository requests,
    AssistanceRequestValidator validator,
    CourseCatalog courseCatalog,
    PageTokens pageTokens,
    ApiErrors errors,
    TimeProvider clock) : Contracts.Assistance.V1.AssistanceService.AssistanceServiceBase
{
    private const string RequestListScope = "requests";

    public override async Task<CreateAssistanceRequestResponse> CreateAssistanceRequest(
        CreateAssistanceRequestRequest request, ServerCallContext context)
    {
        validator.ValidateCreate(request);
        await courseCatalog.EnsureCoursesExistAsync(request.AssistanceRequest.Courses, "assistance_request.courses", context.CancellationToken);
        var stored = await requests.CreateAsync(request.AssistanceRequest.ToNewDraft(clock.GetUtcNow()), request.RequestId);
        return new CreateAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<GetAssistanceRequestResponse> GetAssistanceRequest(
        GetAssistanceRequestRequest request, ServerCallContext context)
    {
        var id = AssistanceRequestNames.Request.Parse(request.Name, "name", errors)[0];
        var stored = await requests.GetAsync(id) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, request.Name);
        return new GetAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<ListAssistanceRequestsResponse> ListAssistanceRequests(
        ListAssistanceRequestsRequest request, ServerCallContext context)
    {
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, RequestListScope);
        var (items, lastId) = await requests.ListAsync(pageSize, afterId);
        return new ListAssistanceRequestsResponse
        {
            AssistanceRequests = { items.Select(stored => stored.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, RequestListScope),
        };
    }
}
