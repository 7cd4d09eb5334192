using System.Text.Json.Serialization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.DemoData.Files;

// The envelopes of the data files. A key names an entry across files and becomes its request id;
// the resource itself is written in the API's own JSON form and parsed by Protobuf.

/// <summary>An entry of <c>courses.json</c>, with the course's upcoming sessions.</summary>
public sealed record CourseEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Course>))] Course Course,
    IReadOnlyList<SessionEntry> Sessions);

/// <summary>A session inside a <see cref="CourseEntry"/>.</summary>
public sealed record SessionEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Session>))] Session Session);

/// <summary>
/// An entry of <c>requests.json</c>; <c>courseKeys</c> are keys of <c>courses.json</c>. The loader
/// moves the request to <c>targetState</c> through the lifecycle methods; <c>reason</c> goes with
/// the step that asks for one (the review decision or the withdrawal); <c>outcomes</c> are its
/// results, reported once it is approved; <c>publish</c> has its requesting state's focal point
/// consent to its publication (the public registry, the IATI file); <c>suspensionReason</c> is why
/// a request whose target is <c>STATE_SUSPENDED</c> was suspended (its <c>reason</c> is the approval's).
/// </summary>
public sealed record AssistanceRequestEntry(
    string Key,
    IReadOnlyList<string> CourseKeys,
    [property: JsonConverter(typeof(ProtoEnumJsonConverter<AssistanceRequest.Types.State>))] AssistanceRequest.Types.State TargetState,
    [property: JsonConverter(typeof(ProtoJsonConverter<AssistanceRequest>))] AssistanceRequest AssistanceRequest,
    string? Reason = null,
    IReadOnlyList<OutcomeEntry>? Outcomes = null,
    bool Publish = false,
    string? SuspensionReason = null);

/// <summary>
/// An outcome inside an <see cref="AssistanceRequestEntry"/>, with its indicators. An actual
/// written without a <c>date</c> is dated the day its request was created: measured, and the same
/// on every load (a reload replays the request id, which must carry the same payload).
/// </summary>
public sealed record OutcomeEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Outcome>))] Outcome Outcome);

/// <summary>An entry of <c>donors.json</c>, with the donor's pledges.</summary>
public sealed record DonorEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Donor>))] Donor Donor,
    IReadOnlyList<PledgeEntry> Pledges);

/// <summary>
/// A pledge inside a <see cref="DonorEntry"/>: <c>committed</c> when the agreement is signed (only
/// committed money can be allocated), the money it allocates, and the money paid in against it.
/// </summary>
public sealed record PledgeEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Pledge>))] Pledge Pledge,
    bool Committed = false,
    IReadOnlyList<AllocationEntry>? Allocations = null,
    IReadOnlyList<ContributionEntry>? Contributions = null);

/// <summary>A contribution (money the donor paid in) inside a <see cref="PledgeEntry"/>.</summary>
public sealed record ContributionEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Contribution>))] Contribution Contribution);

/// <summary>
/// Money from the enclosing pledge for the request with key <c>requestKey</c> (the allocation's
/// <c>amount</c>; the loader fills in the names), with what has been paid out of it.
/// </summary>
public sealed record AllocationEntry(
    string Key,
    string RequestKey,
    [property: JsonConverter(typeof(ProtoJsonConverter<Allocation>))] Allocation Allocation,
    IReadOnlyList<DisbursementEntry>? Disbursements = null);

/// <summary>A disbursement inside an <see cref="AllocationEntry"/>.</summary>
public sealed record DisbursementEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Disbursement>))] Disbursement Disbursement);

/// <summary>
/// An entry of <c>convention-statuses.json</c>: a demo state's status toward the Convention, set
/// by a coordinator. Demo statuses are illustrative, not the depositary's record; their
/// <c>source</c> says so.
/// </summary>
public sealed record ConventionStatusEntry(
    [property: JsonConverter(typeof(ProtoJsonConverter<ConventionStatus>))] ConventionStatus ConventionStatus);

/// <summary><c>delivery.json</c>: the roster's experts, the events delivered for the requests and the course sessions delivered for them.</summary>
public sealed record DeliveryData(IReadOnlyList<ExpertEntry> Experts, IReadOnlyList<DeliveryEventEntry> Events, IReadOnlyList<DeliveredSessionEntry>? Sessions = null);

/// <summary>An expert of <see cref="DeliveryData"/>.</summary>
public sealed record ExpertEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Expert>))] Expert Expert);

/// <summary>
/// An event for the request with key <c>requestKey</c>, with the experts of <c>expertKeys</c> (the
/// loader fills in the names), moved to <c>targetState</c>, and the evaluations it received.
/// </summary>
public sealed record DeliveryEventEntry(
    string Key,
    string RequestKey,
    IReadOnlyList<string> ExpertKeys,
    [property: JsonConverter(typeof(ProtoEnumJsonConverter<DeliveryEvent.Types.State>))] DeliveryEvent.Types.State TargetState,
    [property: JsonConverter(typeof(ProtoJsonConverter<DeliveryEvent>))] DeliveryEvent DeliveryEvent,
    IReadOnlyList<EventEvaluationEntry> Evaluations);

/// <summary>
/// An evaluation of a <see cref="DeliveryEventEntry"/> or a <see cref="DeliveredSessionEntry"/>: an
/// expert's names <c>expertKey</c>, a session participant's the <c>enrolmentKey</c> it evaluates
/// through; a follow-up (levels 3 and 4) when given.
/// </summary>
public sealed record EventEvaluationEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Evaluation>))] Evaluation Evaluation,
    string? ExpertKey = null,
    [property: JsonConverter(typeof(ProtoJsonConverter<EvaluationFollowUp>))] EvaluationFollowUp? FollowUp = null,
    string? EnrolmentKey = null);

/// <summary>
/// A session of the course with key <c>courseKey</c> delivered for the request with key
/// <c>requestKey</c>: created (its dates in the past), its participants enrolled naming the request,
/// completed, then evaluated by its participants, an expert and the host institution.
/// </summary>
public sealed record DeliveredSessionEntry(
    string Key,
    string CourseKey,
    string RequestKey,
    [property: JsonConverter(typeof(ProtoJsonConverter<Session>))] Session Session,
    IReadOnlyList<DemoEnrolmentEntry> Enrolments,
    IReadOnlyList<EventEvaluationEntry> Evaluations);

/// <summary>A participant of a <see cref="DeliveredSessionEntry"/>.</summary>
public sealed record DemoEnrolmentEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Enrolment>))] Enrolment Enrolment);

/// <summary>All the data files.</summary>
public sealed record DemoDataSet(
    IReadOnlyList<CourseEntry> Courses,
    IReadOnlyList<AssistanceRequestEntry> Requests,
    IReadOnlyList<DonorEntry> Donors,
    IReadOnlyList<ConventionStatusEntry> ConventionStatuses,
    IReadOnlyList<OfferEntry> Offers,
    DeliveryData Delivery);
