using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// An evaluation of a completed session (<see cref="SessionId"/> set) or of a delivered event
/// (<see cref="EventId"/> set), as stored. Fields added with delivery events have defaults, so
/// evaluations stored before them read as a participant's without a follow-up. The follow-up
/// script reads <see cref="FollowUp"/>, <see cref="Behaviour"/> and <see cref="Results"/> by these names.
/// <see cref="RequestId"/> is the request an event or a participant's enrolment serves;
/// <see cref="ServedRequestIds"/> the requests a session served (its confirmed enrolments name
/// them) when an expert or the host institution evaluates it. Their summaries count it.
/// </summary>
public sealed record StoredEvaluation(
    string Id,
    string CourseId,
    string SessionId,
    string EnrolmentId,
    int Reaction,
    int Learning,
    int Behaviour,
    int Results,
    string Comments,
    DateTimeOffset CreateTime,
    Respondent Respondent = Respondent.Unspecified,
    string EventId = "",
    string ExpertId = "",
    string RequestId = "",
    int ObjectivesMet = 0,
    int KnowledgeImproved = 0,
    int MoreHelpNeeded = 0,
    StoredFollowUp? FollowUp = null,
    IReadOnlyList<string>? ServedRequestIds = null)
{
    /// <summary>The requests whose summaries count this evaluation and its follow-up.</summary>
    public IReadOnlyList<string> SummarizedRequestIds => RequestId.Length > 0 ? [RequestId, .. ServedRequestIds ?? []] : ServedRequestIds ?? [];

    /// <summary>The group that answered: a participant unless said otherwise.</summary>
    public Respondent Group => Respondent == Respondent.Unspecified ? Respondent.Participant : Respondent;
}

/// <summary>Levels 3 and 4, recorded after the session or event ended (0: not assessed).</summary>
public sealed record StoredFollowUp(int Behaviour, int Results, string Comments, DateTimeOffset CreateTime);
