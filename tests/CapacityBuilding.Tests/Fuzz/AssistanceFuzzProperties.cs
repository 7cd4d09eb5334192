using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Outcome = CapacityBuilding.Contracts.Assistance.V1.Outcome;
using Service = CapacityBuilding.Contracts.Assistance.V1.AssistanceService;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// A property per method of the assistance service, called through the gateway as a coordinator
/// (every method is open to one) and, where ownership is checked on the data, as a member state.
/// </summary>
internal sealed partial class AssistanceFuzzProperties(SuiteFixture suite, FuzzCalls calls)
{
    public static readonly IReadOnlyDictionary<string, Func<AssistanceFuzzProperties, Task>> ByMethod =
        new Dictionary<string, Func<AssistanceFuzzProperties, Task>>
        {
            [nameof(Service.AssistanceServiceBase.CreateAssistanceRequest)] = properties => properties.CreateAsync(),
            [nameof(Service.AssistanceServiceBase.GetAssistanceRequest)] = properties => properties.GetAsync(),
            [nameof(Service.AssistanceServiceBase.ListAssistanceRequests)] = properties => properties.ListAsync(),
            [nameof(Service.AssistanceServiceBase.UpdateAssistanceRequest)] = properties => properties.UpdateAsync(),
            [nameof(Service.AssistanceServiceBase.SubmitAssistanceRequest)] = properties => properties.TransitionAsync(
                (name, etag, reason, _) => new SubmitAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason },
                async (client, request) => (await client.SubmitAssistanceRequestAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.BeginAssistanceRequestReview)] = properties => properties.TransitionAsync(
                (name, etag, reason, _) => new BeginAssistanceRequestReviewRequest { Name = name, Etag = etag, Reason = reason },
                async (client, request) => (await client.BeginAssistanceRequestReviewAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.ReviewAssistanceRequest)] = properties => properties.TransitionAsync(
                (name, etag, reason, decision) => new ReviewAssistanceRequestRequest
                {
                    Name = name, Etag = etag, Reason = reason, Decision = (ReviewAssistanceRequestRequest.Types.Decision)decision,
                },
                async (client, request) => (await client.ReviewAssistanceRequestAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.WithdrawAssistanceRequest)] = properties => properties.TransitionAsync(
                (name, etag, reason, _) => new WithdrawAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason },
                async (client, request) => (await client.WithdrawAssistanceRequestAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.StartAssistanceRequestDelivery)] = properties => properties.TransitionAsync(
                (name, etag, reason, _) => new StartAssistanceRequestDeliveryRequest { Name = name, Etag = etag, Reason = reason },
                async (client, request) => (await client.StartAssistanceRequestDeliveryAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.CompleteAssistanceRequest)] = properties => properties.TransitionAsync(
                (name, etag, reason, _) => new CompleteAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason },
                async (client, request) => (await client.CompleteAssistanceRequestAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.MatchAssistanceRequestCourses)] = properties => properties.TransitionAsync(
                (name, _, _, _) => new MatchAssistanceRequestCoursesRequest { Name = name },
                async (client, request) => (await client.MatchAssistanceRequestCoursesAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.ListHistoryEntries)] = properties => properties.ListHistoryAsync(),
            [nameof(Service.AssistanceServiceBase.VerifyAssistanceRequestHistory)] = properties => properties.VerifyHistoryAsync(),
            [nameof(Service.AssistanceServiceBase.FindAssistanceRequestOverlaps)] = properties => properties.FindOverlapsAsync(),
            [nameof(Service.AssistanceServiceBase.GetConventionStatus)] = properties => properties.GetConventionStatusAsync(),
            [nameof(Service.AssistanceServiceBase.ListConventionStatuses)] = properties => properties.ListConventionStatusesAsync(),
            [nameof(Service.AssistanceServiceBase.UpdateConventionStatus)] = properties => properties.UpdateConventionStatusAsync(),
            [nameof(Service.AssistanceServiceBase.GetConventionCoverage)] = properties => properties.GetConventionCoverageAsync(),
            [nameof(Service.AssistanceServiceBase.GetPipelineReport)] = properties => properties.GetPipelineReportAsync(),
            [nameof(Service.AssistanceServiceBase.SetAssistanceRequestPublicationConsent)] = properties => properties.SetPublicationConsentAsync(),
            [nameof(Service.AssistanceServiceBase.SetAssistanceRequestSecuritySensitive)] = properties => properties.SetSecuritySensitiveAsync(),
            [nameof(Service.AssistanceServiceBase.RecordDeliveryEvent)] = properties => properties.RecordDeliveryEventAsync(),
            [nameof(Service.AssistanceServiceBase.CreateOutcome)] = properties => properties.CreateOutcomeAsync(),
            [nameof(Service.AssistanceServiceBase.GetOutcome)] = properties => properties.GetOutcomeAsync(),
            [nameof(Service.AssistanceServiceBase.ListOutcomes)] = properties => properties.ListOutcomesAsync(),
            [nameof(Service.AssistanceServiceBase.UpdateOutcome)] = properties => properties.UpdateOutcomeAsync(),
            [nameof(Service.AssistanceServiceBase.CreateOffer)] = properties => properties.CreateOfferAsync(),
            [nameof(Service.AssistanceServiceBase.GetOffer)] = properties => properties.GetOfferAsync(),
            [nameof(Service.AssistanceServiceBase.ListOffers)] = properties => properties.ListOffersAsync(),
            [nameof(Service.AssistanceServiceBase.AcceptOffer)] = properties => properties.AcceptOfferAsync(),
            [nameof(Service.AssistanceServiceBase.DeclineOffer)] = properties => properties.DeclineOfferAsync(),
            [nameof(Service.AssistanceServiceBase.WithdrawOffer)] = properties => properties.WithdrawOfferAsync(),
            [nameof(Service.AssistanceServiceBase.SuspendAssistanceRequest)] = properties => properties.TransitionAsync(
                (name, etag, reason, _) => new SuspendAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason },
                async (client, request) => (await client.SuspendAssistanceRequestAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.ResumeAssistanceRequest)] = properties => properties.TransitionAsync(
                (name, etag, reason, _) => new ResumeAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason },
                async (client, request) => (await client.ResumeAssistanceRequestAsync(request)).AssistanceRequest),
            [nameof(Service.AssistanceServiceBase.GetBudgetTotals)] = properties => properties.GetBudgetTotalsAsync(),
        };

    private static readonly string[] EditableFields =
    [
        "requesting_state", "title", "description", "thematic_areas", "courses", "focal_point", "focal_point.email", "beneficiary_institutions",
        "assistance_types", "desired_start", "desired_end", "languages", "estimated_participants", "indicative_budget", "target_audiences",
        "needs_baselines", "endorsing_authority", "endorsement_date",
    ];

    private readonly Service.AssistanceServiceClient coordinator =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Coordinator, "fuzz-coordinator")));

    private readonly Service.AssistanceServiceClient memberState =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, "fuzz-member-state", country: "GHA")));

    private readonly Service.AssistanceServiceClient trainingService =
        new(suite.Channel(suite.AssistanceAddress, suite.ServiceTokens.MintFor("training")));

    private readonly TrainingService.TrainingServiceClient training =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Coordinator, "fuzz-coordinator")));

    private async Task CreateAsync()
    {
        var course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("fuzz")) })).Course;
        var requests =
            from assistanceRequest in Gen.OneOf(Gen.Constant<AssistanceRequest?>(null), AnyRequest(course.Name).Select(request => (AssistanceRequest?)request))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            select new CreateAssistanceRequestRequest { AssistanceRequest = assistanceRequest, RequestId = requestId };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests, async request =>
            {
                var created = (await client.CreateAssistanceRequestAsync(request)).AssistanceRequest;
                Assert.Equal(created, await ReadAsync(created.Name));
            });
        }

        var valid =
            from state in Gen.Elements("GHA", "VNM", "PRY", "KEN")
            from title in FuzzValues.ValidTitle
            from description in Gen.OneOf(Gen.Constant(""), FuzzValues.ValidTitle)
            from areas in FuzzValues.DefinedThematicAreas
            select new AssistanceRequest { RequestingState = state, Title = title, Description = description, ThematicAreas = { areas } };
        foreach (var input in FuzzValues.Sample(valid, 30))
        {
            var created = (await coordinator.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = input })).AssistanceRequest;
            var read = (AssistanceRequest?)await ReadAsync(created.Name);

            Assert.Equal(created, read);
            Assert.Equal((input.RequestingState, input.Title, input.Description), (read!.RequestingState, read.Title, read.Description));
            Assert.Equal(input.ThematicAreas, read.ThematicAreas);
            Assert.Equal(State.Draft, read.State);
        }

        Assert.Empty(await AssistanceKeyspaceAudit.PartialWritesAsync(suite.Redis.ConnectionString));
    }

    private async Task GetAsync()
    {
        var existing = (await Driver.CreateAsync()).Name;
        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(FuzzValues.NameOf("requests", existing).Select(name => new GetAssistanceRequestRequest { Name = name }),
                request => client.GetAssistanceRequestAsync(request).ResponseAsync, cases: 30);
        }
    }

    private async Task ListAsync()
    {
        await Driver.CreateAsync();
        var requests =
            from size in FuzzValues.Mostly(Gen.Choose(0, 100), FuzzValues.PageSize)
            from token in FuzzValues.Mostly(Gen.Constant(""), FuzzValues.PageTokenFor("requests|CreateTime|||"))
            from state in FuzzValues.Mostly(Gen.Elements("", "GHA"), FuzzValues.Country)
            from lifecycleState in FuzzValues.Mostly(Gen.OneOf(Gen.Constant(State.Unspecified), FuzzValues.DefinedEnum<State>()), FuzzValues.Enum<State>())
            from area in FuzzValues.Mostly(Gen.OneOf(Gen.Constant(ThematicArea.Unspecified), FuzzValues.DefinedEnum<ThematicArea>()), FuzzValues.ThematicArea)
            from type in FuzzValues.Mostly(Gen.OneOf(Gen.Constant(AssistanceType.Unspecified), FuzzValues.DefinedEnum<AssistanceType>()), FuzzValues.Enum<AssistanceType>())
            from dacEligible in Gen.Elements<bool?>(null, true, false)
            from start in FuzzValues.Mostly(Gen.Elements<Timestamp?>(null, Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-1))), FuzzValues.Instant)
            from end in FuzzValues.Mostly(Gen.Elements<Timestamp?>(null, Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1))), FuzzValues.Instant)
            from orderBy in FuzzValues.Mostly(
                Gen.Elements("", "create_time desc", "priority_score desc"), Gen.OneOf(Gen.Elements(" priority_score desc ", "create_time asc"), FuzzValues.Text))
            select WithDac(new ListAssistanceRequestsRequest
            {
                PageSize = size, PageToken = token, RequestingState = state, State = lifecycleState, ThematicArea = area, AssistanceType = type,
                CreateTimeStart = start, CreateTimeEnd = end, OrderBy = orderBy,
            }, dacEligible);

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests, request => client.ListAssistanceRequestsAsync(request).ResponseAsync, cases: 40);
        }
    }

    private async Task UpdateAsync()
    {
        var course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(SampleData.UniqueTitle("fuzz")) })).Course;
        var pool = await PoolAsync();
        var requests =
            from target in FuzzValues.Target("requests", [.. pool.Select(request => (request.Name, request.Etag))])
            from patch in FuzzValues.Mostly(AnyRequest(course.Name).Select(request => (AssistanceRequest?)request), Gen.Constant<AssistanceRequest?>(null))
            from mask in FuzzValues.Mostly(
                Gen.OneOf(Gen.Constant<FieldMask?>(null), Gen.SubListOf(EditableFields).Select(paths => (FieldMask?)new FieldMask { Paths = { paths } })),
                FuzzValues.Mask(EditableFields))
            select new UpdateAssistanceRequestRequest { AssistanceRequest = WithName(patch, target.Name, target.Etag), UpdateMask = mask };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests,
                async request =>
                {
                    var updated = (await client.UpdateAssistanceRequestAsync(request)).AssistanceRequest;
                    Assert.Equal(updated, await ReadAsync(updated.Name));
                },
                request => ReadAsync(request.AssistanceRequest?.Name ?? ""),
                cases: 40);
        }

        await AssertConsistentAsync(pool);
    }

    /// <summary>
    /// One lifecycle method on a pool of requests in every state (and on names that are not
    /// theirs): a refused change leaves the request as it was; an accepted one reads back as
    /// answered; every history still verifies afterwards and the keyspace is consistent.
    /// </summary>
    private async Task TransitionAsync<TRequest>(Func<string, string, string, int, TRequest> make, Func<Service.AssistanceServiceClient, TRequest, Task<AssistanceRequest>> call)
        where TRequest : IMessage
    {
        var pool = await PoolAsync();
        var requests =
            from target in FuzzValues.Target("requests", [.. pool.Select(request => (request.Name, request.Etag))])
            from reason in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
            from decision in FuzzValues.Mostly(Gen.Choose(1, 3), Gen.Choose(-1, 5))
            select make(target.Name, target.Etag, reason, decision);
        var nameField = TRequestName<TRequest>();

        await calls.CheckAsync(requests,
            async request =>
            {
                var changed = await call(coordinator, request);
                Assert.Equal(changed, await ReadAsync(changed.Name));
            },
            request => ReadAsync((string)nameField.Accessor.GetValue(request)));
        await AssertConsistentAsync(pool);
    }

    /// <summary>The requesting state (GHA, the pool's country) consents or not in any state; the history still verifies.</summary>
    private async Task SetPublicationConsentAsync()
    {
        var pool = await PoolAsync();
        var requests =
            from target in FuzzValues.Target("requests", [.. pool.Select(request => (request.Name, request.Etag))])
            from publish in Gen.Elements(true, false)
            select new SetAssistanceRequestPublicationConsentRequest { Name = target.Name, Etag = target.Etag, Publish = publish };

        await calls.CheckAsync(requests,
            async request =>
            {
                var changed = (await memberState.SetAssistanceRequestPublicationConsentAsync(request)).AssistanceRequest;
                Assert.Equal((request.Publish, "fuzz-member-state"), (changed.PublicationConsent.Publish, changed.PublicationConsent.DecidedBy));
                Assert.Equal(changed, await ReadAsync(changed.Name));
            },
            request => ReadAsync(request.Name));
        await AssertConsistentAsync(pool);
    }

    /// <summary>A coordinator marks any request security-sensitive or lifts the marking, with any reason, in any state; the history still verifies.</summary>
    private async Task SetSecuritySensitiveAsync()
    {
        var pool = await PoolAsync();
        var requests =
            from target in FuzzValues.Target("requests", [.. pool.Select(request => (request.Name, request.Etag))])
            from sensitive in Gen.Elements(true, false)
            from reason in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
            select new SetAssistanceRequestSecuritySensitiveRequest { Name = target.Name, Etag = target.Etag, SecuritySensitive = sensitive, Reason = reason };

        await calls.CheckAsync(requests,
            async request =>
            {
                var changed = (await coordinator.SetAssistanceRequestSecuritySensitiveAsync(request)).AssistanceRequest;
                Assert.Equal(request.SecuritySensitive, changed.SecuritySensitive);
                Assert.Equal(changed, await ReadAsync(changed.Name));
            },
            request => ReadAsync(request.Name));
        await AssertConsistentAsync(pool);
    }

    private async Task ListHistoryAsync()
    {
        var pool = await PoolAsync();
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements([.. pool.Select(request => request.Name)]), FuzzValues.NameOf("requests", [.. pool.Select(request => request.Name)]))
            from size in FuzzValues.Mostly(Gen.Choose(0, 5), FuzzValues.PageSize)
            from token in Gen.OneOf(Gen.Constant(""),FuzzValues.PageTokenFor(parent + "/historyEntries"), FuzzValues.PageTokenFor(pool[0].Name + "/historyEntries"))
            select new ListHistoryEntriesRequest { Parent = parent, PageSize = size, PageToken = token };

        await calls.CheckAsync(requests, request => coordinator.ListHistoryEntriesAsync(request).ResponseAsync);
    }

    private async Task VerifyHistoryAsync()
    {
        var pool = await PoolAsync();
        await calls.CheckAsync(
            FuzzValues.NameOf("requests", [.. pool.Select(request => request.Name)]).Select(name => new VerifyAssistanceRequestHistoryRequest { Name = name }),
            async request =>
            {
                var verdict = await coordinator.VerifyAssistanceRequestHistoryAsync(request);
                Assert.True(verdict.Intact, $"{request.Name}: {verdict.Problem}");
            },
            cases: 30);
    }

    /// <summary>
    /// Steps of delivery events, sent as the training service: an accepted step is the entry its
    /// request's history holds at that place, sending it again answers the same entry, and every
    /// history still verifies afterwards.
    /// </summary>
    private async Task RecordDeliveryEventAsync()
    {
        var pool = await PoolAsync();
        var events = Enumerable.Range(0, 3).Select(_ => $"events/{Guid.CreateVersion7():N}").ToArray();
        var requests =
            from name in FuzzValues.Mostly(Gen.Elements([.. pool.Select(request => request.Name)]), FuzzValues.NameOf("requests", [.. pool.Select(request => request.Name)]))
            from eventName in FuzzValues.Mostly(Gen.Elements(events), FuzzValues.NameIn("events"))
            from action in FuzzValues.Mostly(
                Gen.Elements(HistoryEntry.Types.Action.EventPlan, HistoryEntry.Types.Action.EventConfirm, HistoryEntry.Types.Action.EventDeliver, HistoryEntry.Types.Action.EventCancel),
                FuzzValues.Enum<HistoryEntry.Types.Action>())
            from reason in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
            select new RecordDeliveryEventRequest { Name = name, Event = eventName, Action = action, Reason = reason };

        await calls.CheckAsync(requests, async request =>
        {
            var entry = (await trainingService.RecordDeliveryEventAsync(request)).HistoryEntry;
            Assert.Equal((request.Event, request.Action), (entry.Subject, entry.Action));
            Assert.Equal(entry, (await trainingService.RecordDeliveryEventAsync(request)).HistoryEntry);
        });
        await AssertConsistentAsync(pool);
    }

    /// <summary>Outcomes of any shape on requests in every state: an accepted one reads back as answered; the histories still verify.</summary>
    private async Task CreateOutcomeAsync()
    {
        var pool = await PoolAsync();
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements([.. pool.Select(request => request.Name)]), FuzzValues.NameOf("requests", [.. pool.Select(request => request.Name)]))
            from outcome in FuzzValues.Mostly(AnyOutcome().Select(outcome => (Outcome?)outcome), Gen.Constant<Outcome?>(null))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            select new CreateOutcomeRequest { Parent = parent, Outcome = outcome, RequestId = requestId };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests, async request =>
            {
                var created = (await client.CreateOutcomeAsync(request)).Outcome;
                Assert.Equal(created, await ReadOutcomeAsync(created.Name));
            });
        }

        await AssertConsistentAsync(pool);
    }

    private async Task GetOutcomeAsync()
    {
        var existing = (await OutcomePoolAsync())[0].Name;
        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(FuzzValues.NameOf("requests/0123456789abcdef0123456789abcdef/outcomes", existing).Select(name => new GetOutcomeRequest { Name = name }),
                request => client.GetOutcomeAsync(request).ResponseAsync, cases: 30);
        }
    }

    private async Task ListOutcomesAsync()
    {
        var parent = (await OutcomePoolAsync())[0].Name.Split("/outcomes/")[0];
        var requests =
            from name in FuzzValues.Mostly(Gen.Constant(parent), FuzzValues.NameOf("requests", parent))
            from size in FuzzValues.Mostly(Gen.Choose(0, 5), FuzzValues.PageSize)
            from token in Gen.OneOf(Gen.Constant(""), FuzzValues.PageTokenFor(parent + "/outcomes"))
            select new ListOutcomesRequest { Parent = name, PageSize = size, PageToken = token };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests, request => client.ListOutcomesAsync(request).ResponseAsync, cases: 30);
        }
    }

    /// <summary>Changes of any shape to outcomes of requests in every state: a refused one leaves the outcome as it was, an accepted one reads back as answered.</summary>
    private async Task UpdateOutcomeAsync()
    {
        var outcomes = await OutcomePoolAsync();
        var requests =
            from target in FuzzValues.Target("requests/0123456789abcdef0123456789abcdef/outcomes", [.. outcomes.Select(outcome => (outcome.Name, outcome.Etag))])
            from patch in FuzzValues.Mostly(AnyOutcome().Select(outcome => (Outcome?)outcome), Gen.Constant<Outcome?>(null))
            from mask in FuzzValues.Mask("statement", "indicators")
            select new UpdateOutcomeRequest { Outcome = WithName(patch, target.Name, target.Etag), UpdateMask = mask };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests,
                async request =>
                {
                    var updated = (await client.UpdateOutcomeAsync(request)).Outcome;
                    Assert.Equal(updated, await ReadOutcomeAsync(updated.Name));
                },
                request => ReadOutcomeAsync(request.Outcome?.Name ?? ""));
        }

        Assert.Empty(await AssistanceKeyspaceAudit.PartialWritesAsync(suite.Redis.ConnectionString));
    }

    /// <summary>An outcome on each request of the pool that takes one (those not final), measured where the request is being delivered.</summary>
    private async Task<IReadOnlyList<Outcome>> OutcomePoolAsync()
    {
        var outcomes = new List<Outcome>();
        foreach (var request in await PoolAsync())
        {
            var outcome = request.State is State.Approved or State.InDelivery ? RequestLifecycleDriver.MeasuredOutcome() : RequestLifecycleDriver.Outcome("Fuzzed");
            if (request.State is not (State.Completed or State.Rejected or State.Withdrawn))
            {
                outcomes.Add((await coordinator.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = outcome })).Outcome);
            }
        }

        return outcomes;
    }

    /// <summary>Outcomes of any shape: each field random, at a boundary, or left out.</summary>
    private static Gen<Outcome> AnyOutcome() =>
        from statement in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
        from indicators in FuzzValues.Mostly(
            Gen.Choose(1, 3).SelectMany(count => ValidIndicator.ArrayOf(count)).Select(items => items.DistinctBy(item => item.Title).ToArray()),
            AnyIndicator.ArrayOf())
        select new Outcome { Statement = statement, Indicators = { indicators } };

    private static Gen<Indicator> ValidIndicator =>
        from title in FuzzValues.ValidTitle
        from baseline in Gen.Choose(0, 100)
        from target in Gen.Choose(0, 1000)
        from actuals in Gen.Choose(0, 100).Select(value => new IndicatorValue { Value = value, Date = FuzzValues.Day(System.DateTime.UtcNow.Date.AddDays(-value)) }).ArrayOf()
        select new Indicator
        {
            Title = title, Measure = Indicator.Types.Measure.Unit, Unit = "officers",
            Baseline = new IndicatorValue { Value = baseline, Date = FuzzValues.Day(System.DateTime.UtcNow.Date.AddDays(-400)) },
            Target = new IndicatorValue { Value = target, Date = FuzzValues.Day(System.DateTime.UtcNow.Date.AddDays(400)) },
            Actuals = { actuals.Take(3) },
        };

    private static Gen<Indicator> AnyIndicator =>
        from title in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
        from measure in FuzzValues.Enum<Indicator.Types.Measure>()
        from unit in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
        from baseline in Gen.OneOf(Gen.Constant<IndicatorValue?>(null), AnyValue)
        from target in Gen.OneOf(Gen.Constant<IndicatorValue?>(null), AnyValue)
        from actuals in AnyValue.ArrayOf()
        select new Indicator { Title = title, Measure = measure, Unit = unit, Baseline = baseline, Target = target, Actuals = { actuals.OfType<IndicatorValue>() } };

    private static Gen<IndicatorValue?> AnyValue =>
        from value in Gen.OneOf(Gen.Choose(-10, 2000).Select(number => number / 2.0), Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1e9, 1e9 + 1, double.MaxValue, double.Epsilon))
        from date in FuzzValues.CalendarDate
        from comment in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
        select (IndicatorValue?)new IndicatorValue { Value = value, Date = date, Comment = comment };

    private async Task<IMessage?> ReadOutcomeAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetOutcomeAsync(new GetOutcomeRequest { Name = name })).Outcome);

    private static Outcome? WithName(Outcome? patch, string name, string etag)
    {
        if (patch is not null)
        {
            patch.Name = name;
            patch.Etag = etag;
        }

        return patch;
    }

    /// <summary>Requests of any shape: each field random, at a boundary, or left out.</summary>
    private static Gen<AssistanceRequest> AnyRequest(string existingCourse) =>
        from state in FuzzValues.Mostly(FuzzValues.ValidCountry, FuzzValues.Country)
        from title in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
        from description in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
        from areas in FuzzValues.Mostly(FuzzValues.DefinedThematicAreas, FuzzValues.ThematicAreas)
        from courses in FuzzValues.Mostly(
            Gen.Elements<string[]>([], [existingCourse]), Gen.OneOf(FuzzValues.NameIn("courses"), Gen.Constant(existingCourse)).ArrayOf())
        from focalPoint in FuzzValues.Mostly(
            Gen.Elements<FocalPoint?>(null, new FocalPoint { DisplayName = "Ama Mensah", Email = "ama@police.gov.gh", Institution = "Ghana Police Service" }),
            from name in FuzzValues.Text
            from email in Gen.OneOf(Gen.Elements("ama@police.gov.gh", "a@b", "@x.org", "a@@b.org", "a b@c.org"), FuzzValues.Text)
            from institution in FuzzValues.Text
            select (FocalPoint?)new FocalPoint { DisplayName = name, Email = email, Institution = institution })
        from institutions in FuzzValues.Mostly(FuzzValues.ValidTitle.ArrayOf().Select(titles => titles.Take(3).Distinct().ToArray()), FuzzValues.Text.ArrayOf())
        from types in FuzzValues.Mostly(FuzzValues.DefinedEnums<AssistanceType>(), FuzzValues.Enum<AssistanceType>().ArrayOf())
        from start in FuzzValues.Mostly(FuzzValues.DayWithin(30, 400), FuzzValues.CalendarDate)
        from end in FuzzValues.Mostly(FuzzValues.DayWithin(401, 800), FuzzValues.CalendarDate)
        from languages in FuzzValues.Mostly(FuzzValues.UnLanguages, FuzzValues.Language.ArrayOf())
        from participants in FuzzValues.Mostly(Gen.Choose(0, 100_000), Gen.OneOf(Gen.Choose(-5, 100_005), Gen.Elements(int.MinValue, int.MaxValue, 100_000, 100_001)))
        from budget in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<Google.Type.Money?>(null), FuzzValues.SmallAmount()), FuzzValues.Amount)
        from audiences in FuzzValues.Mostly(FuzzValues.DefinedEnums<TargetAudience>(), FuzzValues.Enum<TargetAudience>().ArrayOf())
        from baselines in FuzzValues.Mostly(BaselinesOf(areas), AnyBaselines)
        from authority in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
        from endorsed in FuzzValues.Mostly(FuzzValues.DayWithin(-400, -1), FuzzValues.CalendarDate)
        select new AssistanceRequest
        {
            NeedsBaselines = { baselines }, EndorsingAuthority = authority, EndorsementDate = endorsed,
            RequestingState = state, Title = title, Description = description, ThematicAreas = { areas }, Courses = { courses },
            FocalPoint = focalPoint, BeneficiaryInstitutions = { institutions }, AssistanceTypes = { types }, DesiredStart = start,
            DesiredEnd = end, Languages = { languages }, EstimatedParticipants = participants, IndicativeBudget = budget,
            TargetAudiences = { audiences },
        };

    /// <summary>Complete requests of GHA in every lifecycle state, made by a coordinator.</summary>
    private async Task<IReadOnlyList<AssistanceRequest>> PoolAsync()
    {
        var pool = new List<AssistanceRequest>();
        foreach (var state in Enum.GetValues<State>().Where(state => state != State.Unspecified))
        {
            pool.Add(await Driver.CreateInStateAsync(state));
        }

        return pool;
    }

    /// <summary>Every history of the pool still verifies, and no index entry lacks its document (or the reverse).</summary>
    private async Task AssertConsistentAsync(IEnumerable<AssistanceRequest> pool)
    {
        foreach (var request in pool)
        {
            var verdict = await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name });
            Assert.True(verdict.Intact, $"{request.Name}: {verdict.Problem}");
        }

        Assert.Empty(await AssistanceKeyspaceAudit.PartialWritesAsync(suite.Redis.ConnectionString));
    }

    private RequestLifecycleDriver Driver => new(coordinator);

    private async Task<IMessage?> ReadAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest);

    private static Google.Protobuf.Reflection.FieldDescriptor TRequestName<TRequest>()
        where TRequest : IMessage =>
        ((IMessage)Activator.CreateInstance<TRequest>()).Descriptor.FindFieldByName("name");

    private static AssistanceRequest? WithName(AssistanceRequest? patch, string name, string etag)
    {
        if (patch is not null)
        {
            patch.Name = name;
            patch.Etag = etag;
        }

        return patch;
    }

    private static ListAssistanceRequestsRequest WithDac(ListAssistanceRequestsRequest request, bool? dacEligible)
    {
        if (dacEligible is { } value)
        {
            request.DacEligible = value;
        }

        return request;
    }
}
