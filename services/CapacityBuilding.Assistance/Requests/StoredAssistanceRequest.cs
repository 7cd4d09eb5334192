using CapacityBuilding.Contracts.Common.V1;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Requests;

/// <summary>An assistance request as the assistance service stores it.</summary>
public sealed record StoredAssistanceRequest(
    string Id,
    string RequestingState,
    string Title,
    string Description,
    IReadOnlyList<ThematicArea> ThematicAreas,
    IReadOnlyList<string> CourseIds,
    State State,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);
