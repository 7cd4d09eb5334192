namespace CapacityBuilding.ServiceDefaults.Telemetry;

/// <summary>
/// Every log event id of the suite (services and gateway), one table so that an id names one
/// event: <c>[LoggerMessage(EventId = EventIds.X, ...)]</c>, never a number. Ranges: 1xxx shared
/// defaults, 2xxx assistance, 3xxx funding, 4xxx gateway, 5xxx portal (training logs nothing of its own).
/// </summary>
public static class EventIds
{
    /// <summary>A call failed because the service's Redis could not be reached (answered UNAVAILABLE).</summary>
    public const int StorageUnavailable = 1001;

    /// <summary>An exception no code expected (answered INTERNAL).</summary>
    public const int UnhandledException = 1002;

    /// <summary>Another app could not be reached through the invocation layer (answered UNAVAILABLE).</summary>
    public const int AppUnreachable = 1101;

    /// <summary>A call reached a service without a valid relaying app's identity (answered UNAUTHENTICATED).</summary>
    public const int RelayingAppRefused = 1201;

    /// <summary>Assistance: training could not propose courses; the failure is recorded on the request.</summary>
    public const int CourseMatchingFailed = 2002;

    /// <summary>Assistance: a withdrawal that failed could not reopen its request to funding; the request stays closed to allocations.</summary>
    public const int FundingReopenFailed = 2003;

    /// <summary>Assistance: a withdrawal failed without knowing whether it was stored, so its request was left closed to funding.</summary>
    public const int FundingLeftClosed = 2004;

    /// <summary>Funding: allocations were indexed by donor at start.</summary>
    public const int DonorIndexBackfilled = 3101;

    /// <summary>Funding: indexing allocations by donor waits for Redis.</summary>
    public const int DonorIndexBackfillWaiting = 3102;

    /// <summary>Gateway: a proxied call ran out of the gateway's deadline.</summary>
    public const int GatewayDeadlineExceeded = 4001;

    /// <summary>Portal: a page asked for a UI string that no resource file has (strict mode shows a marker).</summary>
    public const int MissingUiString = 5001;

    /// <summary>Assistance: requests stored before the pipeline and coverage counters were added to them at start.</summary>
    public const int RequestCountersBackfilled = 2150;

    /// <summary>Assistance: counting earlier requests waits for Redis.</summary>
    public const int RequestCountersBackfillWaiting = 2151;

    /// <summary>Assistance: the hold of an offer that did not take effect could not be released now; the sweeper retries.</summary>
    public const int OfferHoldReleaseFailed = 2100;

    /// <summary>Assistance: an accepted offer could not be finished now (the owning service unreachable); it stays accepting and the sweeper finishes it.</summary>
    public const int OfferAcceptUnfinished = 2101;

    /// <summary>Assistance: an offer lapsed on acceptance because what it held was gone.</summary>
    public const int OfferLapsed = 2102;

    /// <summary>Assistance: a round of the offer sweeper failed; the next round tries again.</summary>
    public const int OfferSweepFailed = 2103;

    /// <summary>Assistance: the hold made for an offer that was not stored could not be released.</summary>
    public const int OfferOrphanHold = 2104;

    /// <summary>Training: enrolments were indexed by nationality and across sessions at start.</summary>
    public const int EnrolmentIndexBackfilled = 2300;

    /// <summary>Training: indexing enrolments by nationality waits for Redis.</summary>
    public const int EnrolmentIndexBackfillWaiting = 2301;

    /// <summary>Training: a delivery event's step did not reach its request's history; it is kept and retried.</summary>
    public const int DeliveryStepNotRecorded = 2350;

    /// <summary>Training: the retried steps of a delivery event all reached its request's history.</summary>
    public const int DeliveryStepsRecordedLate = 2351;

    /// <summary>Training: retrying delivery steps waits for Redis.</summary>
    public const int DeliveryStepsWaiting = 2352;

    /// <summary>Training: assistance refused a delivery event's step for good; the event is parked, not retried.</summary>
    public const int DeliveryStepParked = 2353;

    /// <summary>Portal: a list was downloaded whole as a spreadsheet (which list, format, rows).</summary>
    public const int ListDownloaded = 5150;

    /// <summary>Gateway: the OpenAPI document of the REST surface was built from the contracts and is served.</summary>
    public const int OpenApiDocumentBuilt = 4100;

    /// <summary>Gateway: the interactive API reference page is served (ApiReference:Enabled, or Development).</summary>
    public const int ApiReferencePageServed = 4101;

    /// <summary>Portal: a spreadsheet import's run (a check or an import) started.</summary>
    public const int ImportStarted = 5200;

    /// <summary>Portal: a spreadsheet import's run ended (finished, or its file refused), with its counts.</summary>
    public const int ImportEnded = 5201;

    /// <summary>Portal: a spreadsheet import's run stopped on an unexpected failure.</summary>
    public const int ImportFailed = 5202;

    /// <summary>Funding: allocations and pledges stored before the report totals existed were counted into them, once per database.</summary>
    public const int FundingTotalsRebuilt = 3250;

    /// <summary>Funding: counting older allocations and pledges into the report totals waits for Redis.</summary>
    public const int FundingTotalsRebuildWaiting = 3251;

    /// <summary>Assistance: requests stored before the listing indexes of filter pairs were added to them, once.</summary>
    public const int RequestPairIndexBackfilled = 2420;

    /// <summary>Assistance: adding earlier requests to the filter-pair indexes waits for Redis.</summary>
    public const int RequestPairIndexBackfillWaiting = 2421;

    /// <summary>Assistance: active requests stored before the overlap index were added to it at start.</summary>
    public const int OverlapIndexBackfilled = 2440;

    /// <summary>Assistance: building the overlap index waits for Redis.</summary>
    public const int OverlapIndexBackfillWaiting = 2441;

    /// <summary>Assistance: requests stored before the budget sums were added to them, once per database.</summary>
    public const int BudgetCountersBackfilled = 2470;

    /// <summary>Assistance: adding earlier requests to the budget sums waits for Redis.</summary>
    public const int BudgetCountersBackfillWaiting = 2471;

    /// <summary>Any app: calls over the concurrent-call limit were answered UNAVAILABLE (one line per ten seconds of shedding).</summary>
    public const int CallsShed = 1401;

    /// <summary>Funding: funded requests stored before the donors' budget sums were counted into them, once per database.</summary>
    public const int DonorBudgetsBackfilled = 3290;

    /// <summary>Funding: counting earlier funded requests into the donors' budget sums waits for Redis or the assistance service.</summary>
    public const int DonorBudgetsBackfillWaiting = 3291;
}
