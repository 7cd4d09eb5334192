using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>
/// The intake fields of a request (needs assessment and mandate) between message and storage;
/// stored as null while unset, so that requests written before them keep their content digest.
/// </summary>
internal static class IntakeMessages
{
    public static StoredAssistanceRequest WithIntakeFields(this StoredAssistanceRequest stored, AssistanceRequest message) => stored with
    {
        NeedsBaselines = message.NeedsBaselines.Count == 0
            ? null
            : [.. message.NeedsBaselines.Select(baseline => new StoredNeedsBaseline(baseline.ThematicArea, baseline.Level, baseline.Note.Trim()))],
        EndorsingAuthority = message.EndorsingAuthority.Trim() is { Length: > 0 } authority ? authority : null,
        EndorsementDate = CalendarDates.TryParse(message.EndorsementDate),
    };

    public static void AddIntakeFields(AssistanceRequest message, StoredAssistanceRequest request)
    {
        message.NeedsBaselines.Add((request.NeedsBaselines ?? []).Select(baseline =>
            new NeedsBaseline { ThematicArea = baseline.ThematicArea, Level = baseline.Level, Note = baseline.Note }));
        message.EndorsingAuthority = request.EndorsingAuthority ?? "";
        message.EndorsementDate = CalendarDates.ToMessage(request.EndorsementDate);
    }
}
