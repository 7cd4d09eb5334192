using CapacityBuilding.Assistance.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Translates between the stored request and its API message.</summary>
internal static class AssistanceRequestMessages
{
    public static StoredAssistanceRequest ToNewDraft(this AssistanceRequest message, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        RequestingState: message.RequestingState,
        Title: message.Title.Trim(),
        Description: message.Description.Trim(),
        ThematicAreas: [.. message.ThematicAreas],
        CourseIds: [.. message.Courses.Select(name => AssistanceRequestNames.Course.TryParse(name)![0])],
        State: AssistanceRequest.Types.State.Draft,
        CreateTime: now,
        UpdateTime: now,
        Etag: Etags.New());

    public static AssistanceRequest ToMessage(this StoredAssistanceRequest request) => new()
    {
        Name = AssistanceRequestNames.Request.Format(request.Id),
        RequestingState = request.RequestingState,
        Title = request.Title,
        Description = request.Description,
        ThematicAreas = { request.ThematicAreas },
        Courses = { request.CourseIds.Select(id => AssistanceRequestNames.Course.Format(id)) },
        State = request.State,
        CreateTime = Timestamp.FromDateTimeOffset(request.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(request.UpdateTime),
        Etag = request.Etag,
    };
}
