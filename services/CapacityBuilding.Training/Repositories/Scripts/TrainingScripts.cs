using CapacityBuilding.ServiceDefaults.Redis;

namespace CapacityBuilding.Training.Repositories.Scripts;

/// <summary>The Lua scripts of the training repositories: the <c>.lua</c> files beside this class, each documented at its top and run atomically in Redis.</summary>
internal static class TrainingScripts
{
    /// <summary>The local functions that count and give seats, in front of every script that changes them.</summary>
    private const string SeatFunctions = "seats.lua";

    /// <summary>Creates a course with its search index entries.</summary>
    public static readonly string CourseCreate = Load(LuaScripts.IdempotencyFunctions, "course-create.lua");

    /// <summary>One page of a course search and the number of matches.</summary>
    public static readonly string CourseSearch = Load("course-search.lua");

    /// <summary>Replaces a course or session only if it still carries the etag read (AIP-154).</summary>
    public static readonly string DocumentReplace = Load("document-replace.lua");

    /// <summary>Enrols a participant: a seat or a place on the waitlist, in arrival order.</summary>
    public static readonly string EnrolmentEnrol = Load(LuaScripts.IdempotencyFunctions, SeatFunctions, "enrolment-enrol.lua");

    /// <summary>Cancels an enrolment and gives a freed seat to the first on the waitlist.</summary>
    public static readonly string EnrolmentCancel = Load(SeatFunctions, "enrolment-cancel.lua");

    /// <summary>Records an evaluation and adds it to the session's, the course's and its request's summaries.</summary>
    public static readonly string EvaluationCreate = Load(LuaScripts.IdempotencyFunctions, "evaluation-summary.lua", "evaluation-create.lua");

    /// <summary>Records an evaluation without an enrolment (an expert's, a host's, an event's participant's) of a session or event and adds it to its summaries.</summary>
    public static readonly string RespondentEvaluationCreate = Load(LuaScripts.IdempotencyFunctions, "evaluation-summary.lua", "respondent-evaluation-create.lua");

    /// <summary>Records an evaluation's follow-up (levels 3 and 4) and adds it to its summaries.</summary>
    public static readonly string EvaluationFollowUp = Load("evaluation-summary.lua", "evaluation-follow-up.lua");

    /// <summary>Creates or replaces a delivery event with its expert bookings, refusing overlapping bookings.</summary>
    public static readonly string EventWrite = Load(LuaScripts.IdempotencyFunctions, "event-write.lua");

    /// <summary>Notes how many of an event's steps are on its request's history.</summary>
    public static readonly string EventStepRecorded = Load("event-step-recorded.lua");

    /// <summary>Notes a failed attempt at an event's step: due again after a growing delay, or parked.</summary>
    public static readonly string EventStepFailed = Load("event-step-failed.lua");

    /// <summary>Creates a session if its course allows it.</summary>
    public static readonly string SessionCreate = Load(LuaScripts.IdempotencyFunctions, "session-create.lua");

    /// <summary>Holds seats of a session for one country if that many are free.</summary>
    public static readonly string SeatHoldCreate = Load(LuaScripts.IdempotencyFunctions, SeatFunctions, "seat-hold-create.lua");

    /// <summary>Confirms a seat hold and seats its country's waitlisted nationals.</summary>
    public static readonly string SeatHoldConfirm = Load(SeatFunctions, "seat-hold-confirm.lua");

    /// <summary>Releases a seat hold's unused seats to the session and its waitlist.</summary>
    public static readonly string SeatHoldRelease = Load(SeatFunctions, "seat-hold-release.lua");

    private static string Load(params string[] files) => LuaScripts.Load(typeof(TrainingScripts).Assembly, files);
}
