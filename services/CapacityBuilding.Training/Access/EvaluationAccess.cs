using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Training.Access;

/// <summary>
/// Who may record the answers of a session's experts and host institution, after
/// <see cref="TrainingPermissions"/> has let the role in (CreateEvaluation: member states and
/// coordinators). An event belongs to its request's country, whose focal point answers for it as
/// the coordinators do (<see cref="DeliveryEventAccess"/>); a session belongs to no country (its
/// participants come from many), so its experts and host are recorded by coordinators only, as
/// they keep the session itself. Member states evaluate for their own participants.
/// </summary>
public static class EvaluationAccess
{
    public static bool MayRecordExpertOrHostOfSession(Caller caller) => caller.Role == CallerRole.Coordinator;
}
