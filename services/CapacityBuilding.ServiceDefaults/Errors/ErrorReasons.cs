namespace CapacityBuilding.ServiceDefaults.Errors;

/// <summary>
/// Every <c>google.rpc.ErrorInfo.reason</c> the suite answers with (AIP-193: UPPER_SNAKE, stable,
/// documented). Callers branch on these strings, so a reason is never written anywhere else; a new
/// error gets its constant here first.
/// </summary>
public static class ErrorReasons
{
    // Any service

    /// <summary>INVALID_ARGUMENT: fields of the request are wrong, listed in a BadRequest.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>NOT_FOUND: the named resource does not exist (or the caller may not know it does).</summary>
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";

    /// <summary>PERMISSION_DENIED: the caller's role or organisation may not do this.</summary>
    public const string PermissionDenied = "PERMISSION_DENIED";

    /// <summary>ABORTED: the resource changed since the etag sent was read (AIP-154); reread and retry.</summary>
    public const string EtagMismatch = "ETAG_MISMATCH";

    /// <summary>FAILED_PRECONDITION: a lifecycle action that the request's current state does not allow.</summary>
    public const string InvalidState = "INVALID_STATE";

    /// <summary>UNAVAILABLE: the service's Redis cannot be reached.</summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    /// <summary>INTERNAL: a bug; logged, and answered without its details.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>UNAUTHENTICATED: no bearer token, or one that failed validation (HTTP 401).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>
    /// UNAUTHENTICATED: a service was called without the identity of the app of the suite that
    /// relays the call (the gateway's, another service's), or with one that failed validation: a
    /// user's token alone does not open a service; call through the gateway.
    /// </summary>
    public const string RelayingAppRequired = "RELAYING_APP_REQUIRED";

    /// <summary>
    /// ALREADY_EXISTS: the create's request_id was used before by the same caller for a different
    /// request (AIP-155), or names a resource the caller may no longer read; send a new request_id.
    /// </summary>
    public const string RequestIdReused = "REQUEST_ID_REUSED";

    /// <summary>RESOURCE_EXHAUSTED: the request is larger than the body limit (HTTP 413), at the gateway or a service.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>FAILED_PRECONDITION: a chain checkpoint was given but the service has no key to check it (Audit:CheckpointSigningKey).</summary>
    public const string CheckpointsNotConfigured = "CHECKPOINTS_NOT_CONFIGURED";

    // Answers the gateway gives by itself

    /// <summary>RESOURCE_EXHAUSTED: the caller used up its token bucket at the gateway (HTTP 429).</summary>
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";

    /// <summary>DEADLINE_EXCEEDED: the service did not answer within the gateway's deadline (HTTP 504).</summary>
    public const string DeadlineExceeded = "DEADLINE_EXCEEDED";

    // Another app could not be reached (UNAVAILABLE, from the invocation layer)

    /// <summary>UNAVAILABLE: the training service could not be reached or could not propose courses.</summary>
    public const string TrainingUnavailable = "TRAINING_UNAVAILABLE";

    /// <summary>UNAVAILABLE: the funding service could not be reached.</summary>
    public const string FundingUnavailable = "FUNDING_UNAVAILABLE";

    /// <summary>UNAVAILABLE: the assistance service could not be reached or failed to answer.</summary>
    public const string AssistanceUnavailable = "ASSISTANCE_UNAVAILABLE";

    // Assistance

    /// <summary>FAILED_PRECONDITION: a request is submitted before its required fields are filled in.</summary>
    public const string RequestIncomplete = "REQUEST_INCOMPLETE";

    /// <summary>
    /// FAILED_PRECONDITION: an approved request is withdrawn (or closed to funding) while an ACTIVE
    /// allocation holds money not yet paid out to it; a coordinator releases the allocations first.
    /// </summary>
    public const string RequestHasActiveAllocations = "REQUEST_HAS_ACTIVE_ALLOCATIONS";

    // Training

    /// <summary>FAILED_PRECONDITION: a retired course is changed or given a new session.</summary>
    public const string CourseRetired = "COURSE_RETIRED";

    /// <summary>FAILED_PRECONDITION: a course's status cannot move to the one asked for.</summary>
    public const string CourseStatusChangeNotAllowed = "COURSE_STATUS_CHANGE_NOT_ALLOWED";

    /// <summary>FAILED_PRECONDITION: a session's status cannot move to the one asked for.</summary>
    public const string SessionStatusChangeNotAllowed = "SESSION_STATUS_CHANGE_NOT_ALLOWED";

    /// <summary>FAILED_PRECONDITION: an enrolment in a session that is not scheduled.</summary>
    public const string SessionNotOpenForEnrolment = "SESSION_NOT_OPEN_FOR_ENROLMENT";

    /// <summary>FAILED_PRECONDITION: an evaluation of a session that has not been completed.</summary>
    public const string SessionNotCompleted = "SESSION_NOT_COMPLETED";

    /// <summary>ALREADY_EXISTS: the participant is enrolled in the session already.</summary>
    public const string ParticipantAlreadyEnrolled = "PARTICIPANT_ALREADY_ENROLLED";

    /// <summary>FAILED_PRECONDITION: the enrolment is cancelled already.</summary>
    public const string EnrolmentAlreadyCancelled = "ENROLMENT_ALREADY_CANCELLED";

    /// <summary>FAILED_PRECONDITION: an evaluation by a participant without a confirmed seat.</summary>
    public const string EnrolmentNotConfirmed = "ENROLMENT_NOT_CONFIRMED";

    /// <summary>ALREADY_EXISTS: the enrolment has evaluated the session already.</summary>
    public const string EnrolmentAlreadyEvaluated = "ENROLMENT_ALREADY_EVALUATED";

    // Funding

    /// <summary>FAILED_PRECONDITION: a pledge is committed or cancelled from a state that does not allow it.</summary>
    public const string PledgeState = "PLEDGE_STATE";

    /// <summary>FAILED_PRECONDITION: a pledge is cancelled while allocations still hold its money.</summary>
    public const string PledgeAllocated = "PLEDGE_ALLOCATED";

    /// <summary>FAILED_PRECONDITION: money is allocated from a cancelled pledge.</summary>
    public const string PledgeCancelled = "PLEDGE_CANCELLED";

    /// <summary>FAILED_PRECONDITION: money is allocated from a pledge outside its validity period.</summary>
    public const string PledgeNotValid = "PLEDGE_NOT_VALID";

    /// <summary>FAILED_PRECONDITION: money is allocated to an assistance request that is not approved.</summary>
    public const string RequestNotApproved = "REQUEST_NOT_APPROVED";

    /// <summary>FAILED_PRECONDITION: money is allocated to a request that is being (or has been) withdrawn.</summary>
    public const string RequestClosedToFunding = "REQUEST_CLOSED_TO_FUNDING";

    /// <summary>FAILED_PRECONDITION: the pledge's earmarks exclude the request's country, region or theme.</summary>
    public const string EarmarkMismatch = "EARMARK_MISMATCH";

    /// <summary>FAILED_PRECONDITION: the pledge has less left than the allocation asks for.</summary>
    public const string InsufficientPledgeBalance = "INSUFFICIENT_PLEDGE_BALANCE";

    /// <summary>FAILED_PRECONDITION: a disbursement from, or release of, an allocation that is not active.</summary>
    public const string AllocationNotActive = "ALLOCATION_NOT_ACTIVE";

    /// <summary>FAILED_PRECONDITION: an allocation with disbursements is released.</summary>
    public const string AllocationDisbursed = "ALLOCATION_DISBURSED";

    /// <summary>FAILED_PRECONDITION: a disbursement larger than what is left of its allocation.</summary>
    public const string ExceedsAllocation = "EXCEEDS_ALLOCATION";

    /// <summary>FAILED_PRECONDITION: a total beyond what google.type.Money can carry exactly.</summary>
    public const string TotalOutOfRange = "TOTAL_OUT_OF_RANGE";

    // Training: delivery (experts, events, their evaluations)

    /// <summary>FAILED_PRECONDITION: an expert is assigned to an event whose days overlap another event that books them.</summary>
    public const string ExpertAlreadyBooked = "EXPERT_ALREADY_BOOKED";

    /// <summary>FAILED_PRECONDITION: an event is planned for a request that is not approved or in delivery.</summary>
    public const string RequestNotOpenToDelivery = "REQUEST_NOT_OPEN_TO_DELIVERY";

    /// <summary>FAILED_PRECONDITION: an event is marked delivered before its first day.</summary>
    public const string EventNotStarted = "EVENT_NOT_STARTED";

    /// <summary>FAILED_PRECONDITION: an event is changed after it was cancelled, or more than its participants after delivery.</summary>
    public const string EventClosed = "EVENT_CLOSED";

    /// <summary>FAILED_PRECONDITION: an event is evaluated before it was delivered.</summary>
    public const string EventNotDelivered = "EVENT_NOT_DELIVERED";

    /// <summary>ALREADY_EXISTS: the expert has evaluated the event already.</summary>
    public const string ExpertAlreadyEvaluated = "EXPERT_ALREADY_EVALUATED";

    /// <summary>FAILED_PRECONDITION: a follow-up (levels 3 and 4) before the session's end or the event's last day has passed.</summary>
    public const string FollowUpTooEarly = "FOLLOW_UP_TOO_EARLY";

    /// <summary>ALREADY_EXISTS: the evaluation has its follow-up, or rated levels 3 and 4 already.</summary>
    public const string FollowUpRecorded = "FOLLOW_UP_RECORDED";

    // Assistance: results

    /// <summary>
    /// FAILED_PRECONDITION: a request is completed before its results are reported: it has no
    /// outcome, or an indicator has no actual value yet (the metadata says which).
    /// </summary>
    public const string ResultsNotReported = "RESULTS_NOT_REPORTED";

    /// <summary>FAILED_PRECONDITION: an outcome is added to a request that holds as many as it may.</summary>
    public const string OutcomeLimitReached = "OUTCOME_LIMIT_REACHED";

    /// <summary>FAILED_PRECONDITION: an approval of a request that overlaps approved or in-delivery requests of the same state, without a confirmation.</summary>
    public const string RequestOverlaps = "REQUEST_OVERLAPS";

    // Training: seat holds

    /// <summary>FAILED_PRECONDITION: fewer seats of the session are free than the hold asks for (metadata <c>free_seats</c>).</summary>
    public const string SeatsUnavailable = "SEATS_UNAVAILABLE";

    /// <summary>FAILED_PRECONDITION: a released seat hold is confirmed; its seats went back to the session.</summary>
    public const string SeatHoldReleased = "SEAT_HOLD_RELEASED";

    /// <summary>ALREADY_EXISTS: a seat hold is created with a seat_hold_id another hold has.</summary>
    public const string SeatHoldExists = "SEAT_HOLD_EXISTS";

    /// <summary>FAILED_PRECONDITION: money is allocated or proposed from a pledge that is not COMMITTED.</summary>
    public const string PledgeNotCommitted = "PLEDGE_NOT_COMMITTED";

    /// <summary>FAILED_PRECONDITION: a released allocation is confirmed.</summary>
    public const string AllocationReleased = "ALLOCATION_RELEASED";

    // Offers (assistance)

    /// <summary>FAILED_PRECONDITION: an offer is answered or withdrawn after its expire_time.</summary>
    public const string OfferExpired = "OFFER_EXPIRED";

    /// <summary>FAILED_PRECONDITION: an offer is accepted, declined or withdrawn when it is no longer open (its state in the metadata).</summary>
    public const string OfferNotOpen = "OFFER_NOT_OPEN";

    /// <summary>
    /// FAILED_PRECONDITION: an accepted offer could not take effect because what it held is gone, and
    /// the owning service gave no reason of its own (it normally does, and its reason is answered).
    /// </summary>
    public const string OfferHoldGone = "OFFER_HOLD_GONE";

    /// <summary>FAILED_PRECONDITION: a request is withdrawn or completed while offers on it are open or being accepted.</summary>
    public const string RequestHasOpenOffers = "REQUEST_HAS_OPEN_OFFERS";

    /// <summary>FAILED_PRECONDITION: a pledge's contributions would add up to more than its amount.</summary>
    public const string ContributionsExceedPledge = "CONTRIBUTIONS_EXCEED_PLEDGE";

    /// <summary>FAILED_PRECONDITION: the assistance service releases an offer's hold that the requesting state already accepted.</summary>
    public const string AllocationConfirmed = "ALLOCATION_CONFIRMED";

    /// <summary>FAILED_PRECONDITION: a state consents to publishing a request that a coordinator marked security-sensitive; it is never published.</summary>
    public const string RequestSecuritySensitive = "REQUEST_SECURITY_SENSITIVE";

    /// <summary>
    /// FAILED_PRECONDITION: the work on a request is asked to move on (a delivery step, a new or
    /// accepted offer, course matching) while a coordinator has it suspended; resuming it allows it again.
    /// </summary>
    public const string RequestSuspended = "REQUEST_SUSPENDED";

    /// <summary>
    /// UNAVAILABLE (REST 503, with Retry-After): the app already has as many calls in flight as it
    /// takes (<c>Load:MaxConcurrentCalls</c>); nothing was done, retry with backoff.
    /// </summary>
    public const string ServerBusy = "SERVER_BUSY";
}
