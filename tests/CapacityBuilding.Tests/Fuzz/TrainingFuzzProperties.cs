using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Training;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Google.Type;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;
using Service = CapacityBuilding.Contracts.Training.V1.TrainingService;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// A property per method of the training service, called through the gateway as a coordinator
/// (every method but ConfirmSeatHold is open to one) and, for enrolment, also as a member state;
/// seat holds are confirmed by the assistance service calling as itself.
/// </summary>
internal sealed class TrainingFuzzProperties(SuiteFixture suite, FuzzCalls calls)
{
    public static readonly IReadOnlyDictionary<string, Func<TrainingFuzzProperties, Task>> ByMethod =
        new Dictionary<string, Func<TrainingFuzzProperties, Task>>
        {
            [nameof(Service.TrainingServiceBase.CreateCourse)] = properties => properties.CreateCourseAsync(),
            [nameof(Service.TrainingServiceBase.GetCourse)] = properties => properties.GetCourseAsync(),
            [nameof(Service.TrainingServiceBase.ListCourses)] = properties => properties.ListCoursesAsync(),
            [nameof(Service.TrainingServiceBase.BatchGetCourses)] = properties => properties.BatchGetCoursesAsync(),
            [nameof(Service.TrainingServiceBase.UpdateCourse)] = properties => properties.UpdateCourseAsync(),
            [nameof(Service.TrainingServiceBase.SearchCourses)] = properties => properties.SearchCoursesAsync(),
            [nameof(Service.TrainingServiceBase.MatchCourses)] = properties => properties.MatchCoursesAsync(),
            [nameof(Service.TrainingServiceBase.CreateSession)] = properties => properties.CreateSessionAsync(),
            [nameof(Service.TrainingServiceBase.GetSession)] = properties => properties.GetSessionAsync(),
            [nameof(Service.TrainingServiceBase.ListSessions)] = properties => properties.ListSessionsAsync(),
            [nameof(Service.TrainingServiceBase.UpdateSession)] = properties => properties.UpdateSessionAsync(),
            [nameof(Service.TrainingServiceBase.CreateEnrolment)] = properties => properties.CreateEnrolmentAsync(),
            [nameof(Service.TrainingServiceBase.GetEnrolment)] = properties => properties.GetEnrolmentAsync(),
            [nameof(Service.TrainingServiceBase.ListEnrolments)] = properties => properties.ListEnrolmentsAsync(),
            [nameof(Service.TrainingServiceBase.CancelEnrolment)] = properties => properties.CancelEnrolmentAsync(),
            [nameof(Service.TrainingServiceBase.CreateEvaluation)] = properties => properties.CreateEvaluationAsync(),
            [nameof(Service.TrainingServiceBase.ListEvaluations)] = properties => properties.ListEvaluationsAsync(),
            [nameof(Service.TrainingServiceBase.GetEvaluationSummary)] = properties => properties.GetEvaluationSummaryAsync(),
            [nameof(Service.TrainingServiceBase.CreateSeatHold)] = properties => properties.CreateSeatHoldAsync(),
            [nameof(Service.TrainingServiceBase.GetSeatHold)] = properties => properties.GetSeatHoldAsync(),
            [nameof(Service.TrainingServiceBase.ListSeatHolds)] = properties => properties.ListSeatHoldsAsync(),
            [nameof(Service.TrainingServiceBase.ConfirmSeatHold)] = properties => properties.ConfirmSeatHoldAsync(),
            [nameof(Service.TrainingServiceBase.ReleaseSeatHold)] = properties => properties.ReleaseSeatHoldAsync(),
        };

    private static readonly string[] CourseFields =
    [
        "title", "summary", "thematic_areas", "languages", "level", "target_audiences", "delivery_mode", "duration_hours", "prerequisites",
        "max_class_size", "status",
    ];

    private readonly Service.TrainingServiceClient coordinator =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Coordinator, "fuzz-coordinator")));

    private readonly Service.TrainingServiceClient memberState =
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, "fuzz-member-state", country: "GHA")));

    private readonly Service.TrainingServiceClient assistance =
        new(suite.Channel(suite.TrainingAddress, suite.ServiceTokens.MintFor("assistance")));

    private TrainingSetup Setup => new(coordinator);

    private async Task CreateCourseAsync()
    {
        var requests =
            from course in FuzzValues.Mostly(AnyCourse.Select(course => (Course?)course), Gen.Constant<Course?>(null))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            select new CreateCourseRequest { Course = course, RequestId = requestId };
        await calls.CheckAsync(requests, async request =>
        {
            var created = (await coordinator.CreateCourseAsync(request)).Course;
            Assert.Equal(created, await ReadCourseAsync(created.Name));
        });

        var valid =
            from title in FuzzValues.ValidTitle
            from areas in FuzzValues.DefinedThematicAreas
            from languages in Gen.SubListOf("ar", "en", "es", "fr", "ru", "zh").Where(list => list.Count > 0)
            from level in Gen.Elements(CourseLevel.Foundation, CourseLevel.Intermediate, CourseLevel.Advanced)
            from hours in Gen.Choose(1, 1000)
            from size in Gen.Choose(1, 500)
            select new Course
            {
                Title = title, ThematicAreas = { areas }, Languages = { languages }, Level = level, TargetAudiences = { TargetAudience.Judges },
                DeliveryMode = DeliveryMode.Blended, DurationHours = hours, MaxClassSize = size,
            };
        foreach (var input in FuzzValues.Sample(valid, 30))
        {
            var created = (await coordinator.CreateCourseAsync(new CreateCourseRequest { Course = input })).Course;
            var read = (Course?)await ReadCourseAsync(created.Name);

            Assert.Equal(created, read);
            Assert.Equal((input.Title, input.Level, input.DurationHours, input.MaxClassSize), (read!.Title, read.Level, read.DurationHours, read.MaxClassSize));
            Assert.Equal(input.ThematicAreas, read.ThematicAreas);
            Assert.Equal(input.Languages, read.Languages);
            Assert.Equal(CourseStatus.Draft, read.Status);
        }
    }

    private async Task GetCourseAsync()
    {
        var course = await Setup.CourseAsync();
        await calls.CheckAsync(FuzzValues.NameOf("courses", course.Name).Select(name => new GetCourseRequest { Name = name }),
            request => coordinator.GetCourseAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListCoursesAsync()
    {
        await Setup.CourseAsync();
        await calls.CheckAsync(
            from size in FuzzValues.PageSize from token in FuzzValues.PageTokenFor("courses") select new ListCoursesRequest { PageSize = size, PageToken = token },
            request => coordinator.ListCoursesAsync(request).ResponseAsync, cases: 40);
    }

    private async Task BatchGetCoursesAsync()
    {
        var course = await Setup.CourseAsync();
        await calls.CheckAsync(
            FuzzValues.Mostly(
                Gen.Choose(1, 100).Select(count => Enumerable.Repeat(course.Name, count).ToArray()),
                Gen.OneOf(FuzzValues.NameOf("courses", course.Name).ArrayOf(), Gen.Constant(Enumerable.Repeat(course.Name, 101).ToArray())))
                .Select(names => new BatchGetCoursesRequest { Names = { names } }),
            request => coordinator.BatchGetCoursesAsync(request).ResponseAsync, cases: 40);
    }

    private async Task UpdateCourseAsync()
    {
        var pool = await CoursePoolAsync();
        var requests =
            from target in FuzzValues.Target("courses", [.. pool.Select(course => (course.Name, course.Etag))])
            from patch in FuzzValues.Mostly(AnyCourse.Select(course => (Course?)course), Gen.Constant<Course?>(null))
            from mask in FuzzValues.Mostly(ValidMask(CourseFields), FuzzValues.Mask(CourseFields))
            select new UpdateCourseRequest { Course = patch is null ? null : Named(patch, target.Name, target.Etag), UpdateMask = mask };

        await calls.CheckAsync(requests,
            async request =>
            {
                var updated = (await coordinator.UpdateCourseAsync(request)).Course;
                Assert.Equal(updated, await ReadCourseAsync(updated.Name));
            },
            request => ReadCourseAsync(request.Course?.Name ?? ""));
    }

    private async Task SearchCoursesAsync()
    {
        await Setup.CourseAsync();
        var requests =
            from areas in FuzzValues.Mostly(OptionalSet<ThematicArea>(), FuzzValues.ThematicAreas)
            from languages in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<string[]>([]), FuzzValues.UnLanguages), FuzzValues.Language.ArrayOf())
            from levels in FuzzValues.Mostly(OptionalSet<CourseLevel>(), FuzzValues.Enum<CourseLevel>().ArrayOf())
            from modes in FuzzValues.Mostly(OptionalSet<DeliveryMode>(), FuzzValues.Enum<DeliveryMode>().ArrayOf())
            from audiences in FuzzValues.Mostly(OptionalSet<TargetAudience>(), FuzzValues.Enum<TargetAudience>().ArrayOf())
            from statuses in FuzzValues.Mostly(OptionalSet<CourseStatus>(), FuzzValues.Enum<CourseStatus>().ArrayOf())
            from query in FuzzValues.Mostly(Gen.Elements("", "evidence", "Électronique", "中文", "  ", "a b c d e f g h i j k l m n o p"), FuzzValues.Text)
            from size in FuzzValues.Mostly(Gen.Choose(0, 50), FuzzValues.PageSize)
            from token in FuzzValues.Mostly(Gen.Constant(""), FuzzValues.PageToken)
            select new SearchCoursesRequest
            {
                ThematicAreas = { areas }, Languages = { languages }, Levels = { levels }, DeliveryModes = { modes }, Audiences = { audiences },
                Statuses = { statuses }, Query = query, PageSize = size, PageToken = token,
            };

        await calls.CheckAsync(requests, request => coordinator.SearchCoursesAsync(request).ResponseAsync);
    }

    private async Task MatchCoursesAsync()
    {
        await Setup.CourseAsync();
        var requests =
            from areas in FuzzValues.Mostly(FuzzValues.DefinedThematicAreas, FuzzValues.ThematicAreas)
            from languages in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<string[]>([]), FuzzValues.UnLanguages), FuzzValues.Language.ArrayOf())
            from audiences in FuzzValues.Mostly(OptionalSet<TargetAudience>(), FuzzValues.Enum<TargetAudience>().ArrayOf())
            from maxResults in FuzzValues.Mostly(Gen.Choose(0, 50), FuzzValues.PageSize)
            from earliest in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<Date?>(null), FuzzValues.DayWithin(0, 300)), FuzzValues.CalendarDate)
            from latest in FuzzValues.Mostly(Gen.OneOf(Gen.Constant<Date?>(null), FuzzValues.DayWithin(301, 900)), FuzzValues.CalendarDate)
            select new MatchCoursesRequest
            {
                ThematicAreas = { areas }, Languages = { languages }, Audiences = { audiences }, MaxResults = maxResults,
                EarliestStart = earliest, LatestEnd = latest,
            };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests, request => client.MatchCoursesAsync(request).ResponseAsync, cases: 40);
        }
    }

    private async Task CreateSessionAsync()
    {
        var pool = await CoursePoolAsync();
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements([.. pool.Select(course => course.Name)]), FuzzValues.NameOf("courses", [.. pool.Select(course => course.Name)]))
            from session in FuzzValues.Mostly(AnySession.Select(session => (Session?)session), Gen.Constant<Session?>(null))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            select new CreateSessionRequest { Parent = parent, Session = session, RequestId = requestId };

        await calls.CheckAsync(requests, async request =>
        {
            var created = (await coordinator.CreateSessionAsync(request)).Session;
            Assert.Equal(created, await ReadSessionAsync(created.Name));
        });

        var valid =
            from days in Gen.Choose(1, 3000)
            from hours in Gen.Choose(1, 2000)
            from seats in Gen.Choose(1, 25)
            from language in Gen.Elements("es", "en")
            from location in FuzzValues.ValidTitle
            select new Session
            {
                StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(days)),
                EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(days).AddHours(hours)),
                SeatCapacity = seats, Language = language, Location = location,
            };
        foreach (var input in FuzzValues.Sample(valid, 30))
        {
            var created = (await coordinator.CreateSessionAsync(new CreateSessionRequest { Parent = pool[0].Name, Session = input })).Session;
            var read = (Session?)await ReadSessionAsync(created.Name);

            Assert.Equal(created, read);
            Assert.Equal((input.StartTime, input.EndTime, input.SeatCapacity, input.Language, input.Location),
                (read!.StartTime, read.EndTime, read.SeatCapacity, read.Language, read.Location));
            Assert.Equal(SessionStatus.Scheduled, read.Status);
        }
    }

    private async Task GetSessionAsync()
    {
        var session = await Setup.SessionAsync();
        await calls.CheckAsync(FuzzValues.NameOf(ParentOf(session.Name) + "/sessions", session.Name).Select(name => new GetSessionRequest { Name = name }),
            request => coordinator.GetSessionAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListSessionsAsync()
    {
        var session = await Setup.SessionAsync();
        var course = ParentOf(session.Name);
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf("courses", course)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(course)
            select new ListSessionsRequest { Parent = parent, PageSize = size, PageToken = token },
            request => coordinator.ListSessionsAsync(request).ResponseAsync, cases: 40);
    }

    private async Task UpdateSessionAsync()
    {
        var pool = await SessionPoolAsync();
        var names = pool.Select(session => session.Name).ToArray();
        var requests =
            from target in FuzzValues.Target(ParentOf(names[0]) + "/sessions", [.. pool.Select(session => (session.Name, session.Etag))])
            from patch in FuzzValues.Mostly(AnySession.Select(session => (Session?)session), Gen.Constant<Session?>(null))
            from status in FuzzValues.Mostly(FuzzValues.DefinedEnum<SessionStatus>(), FuzzValues.Enum<SessionStatus>())
            from mask in FuzzValues.Mostly(
                ValidMask("start_time", "end_time", "location", "status"),
                FuzzValues.Mask("start_time", "end_time", "location", "status", "seat_capacity", "language"))
            select new UpdateSessionRequest { Session = patch is null ? null : Named(patch, target.Name, target.Etag, status), UpdateMask = mask };

        await calls.CheckAsync(requests,
            async request =>
            {
                var updated = (await coordinator.UpdateSessionAsync(request)).Session;
                Assert.Equal(updated, await ReadSessionAsync(updated.Name));
            },
            request => ReadSessionAsync(request.Session?.Name ?? ""));
    }

    private async Task CreateEnrolmentAsync()
    {
        var pool = await SessionPoolAsync();
        var names = pool.Select(session => session.Name).ToArray();
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements(names), FuzzValues.NameOf(ParentOf(names[0]) + "/sessions", names))
            from enrolment in FuzzValues.Mostly(AnyEnrolment.Select(enrolment => (Enrolment?)enrolment), Gen.Constant<Enrolment?>(null))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            select new CreateEnrolmentRequest { Parent = parent, Enrolment = enrolment, RequestId = requestId };

        foreach (var client in new[] { coordinator, memberState })
        {
            await calls.CheckAsync(requests,
                async request =>
                {
                    var created = (await client.CreateEnrolmentAsync(request)).Enrolment;
                    Assert.Equal(created, await ReadEnrolmentAsync(created.Name));
                },
                request => ReadSessionAsync(request.Parent),
                cases: 40);
        }

        var valid =
            from participant in FuzzValues.ValidTitle
            from local in Gen.Elements("a", "ama.mensah", "x_y+z", "Kofi")
            from domain in Gen.Elements("police.gov.gh", "example.org", "mail.co.uk")
            from institution in FuzzValues.ValidTitle
            select new Enrolment
            {
                ParticipantName = participant, Email = $"{local}.{Guid.NewGuid():N}@{domain}", Nationality = "GHA", Institution = institution,
            };
        foreach (var input in FuzzValues.Sample(valid, 30))
        {
            var created = (await memberState.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = pool[0].Name, Enrolment = input })).Enrolment;
            var read = (Enrolment?)await ReadEnrolmentAsync(created.Name);

            Assert.Equal(created, read);
            Assert.Equal((input.ParticipantName, input.Email, input.Nationality, input.Institution),
                (read!.ParticipantName, read.Email, read.Nationality, read.Institution));
        }
    }

    private async Task GetEnrolmentAsync()
    {
        var session = await Setup.SessionAsync();
        var enrolment = await Setup.EnrolAsync(session, TrainingSetup.Email(1));
        await calls.CheckAsync(FuzzValues.NameOf(session.Name + "/enrolments", enrolment.Name).Select(name => new GetEnrolmentRequest { Name = name }),
            request => coordinator.GetEnrolmentAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListEnrolmentsAsync()
    {
        var session = await Setup.SessionAsync(seats: 1);
        await Setup.EnrolAsync(session, TrainingSetup.Email(1));
        await Setup.EnrolAsync(session, TrainingSetup.Email(2));
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf(ParentOf(session.Name) + "/sessions", session.Name)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(session.Name)
            select new ListEnrolmentsRequest { Parent = parent, PageSize = size, PageToken = token },
            request => coordinator.ListEnrolmentsAsync(request).ResponseAsync, cases: 40);
    }

    private async Task CancelEnrolmentAsync()
    {
        var session = await Setup.SessionAsync(seats: 2);
        var enrolments = new List<Enrolment>();
        for (var i = 0; i < 5; i++)
        {
            enrolments.Add(await Setup.EnrolAsync(session, TrainingSetup.Email(i)));
        }

        await calls.CheckAsync(
            FuzzValues.NameOf(session.Name + "/enrolments", [.. enrolments.Select(enrolment => enrolment.Name)]).Select(name => new CancelEnrolmentRequest { Name = name }),
            async request =>
            {
                var cancelled = await coordinator.CancelEnrolmentAsync(request);
                Assert.Equal(EnrolmentState.Cancelled, cancelled.Enrolment.State);
                Assert.Equal(cancelled.Enrolment, await ReadEnrolmentAsync(cancelled.Enrolment.Name));
            },
            request => ReadSessionAsync(session.Name),
            cases: 40);
    }

    private async Task CreateSeatHoldAsync()
    {
        var pool = await SessionPoolAsync();
        var open = await Setup.SessionAsync(seats: 25);
        var names = pool.Select(session => session.Name).Append(open.Name).ToArray();
        var requests =
            from parent in FuzzValues.Mostly(Gen.Elements(names), FuzzValues.NameOf(ParentOf(names[0]) + "/sessions", names))
            from country in FuzzValues.Mostly(FuzzValues.ValidCountry, FuzzValues.Country)
            from seats in FuzzValues.Mostly(Gen.Choose(1, 2), Gen.OneOf(Gen.Choose(-2, 30), Gen.Elements(int.MinValue, int.MaxValue)))
            from offer in FuzzValues.Mostly(Gen.Constant(""), FuzzValues.NameIn("requests/0123456789abcdef0123456789abcdef/offers"))
            from holdId in FuzzValues.Mostly(Gen.Constant(""), Gen.OneOf(Gen.Fresh(() => Guid.NewGuid().ToString("N")), FuzzValues.Text))
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            from omitted in Gen.Elements(false, false, false, true)
            select new CreateSeatHoldRequest
            {
                Parent = parent,
                SeatHold = omitted ? null : new SeatHold { Country = country, Seats = seats, Offer = offer },
                SeatHoldId = holdId,
                RequestId = requestId,
            };
        await calls.CheckAsync(requests,
            async request =>
            {
                var created = (await coordinator.CreateSeatHoldAsync(request)).SeatHold;
                Assert.Equal(created, await ReadSeatHoldAsync(created.Name));
                Assert.Equal((SeatHold.Types.State.Held, request.SeatHold.Seats, request.SeatHold.Country), (created.State, created.Seats, created.Country));
            },
            request => ReadSessionAsync(request.Parent),
            cases: 60);
    }

    private async Task GetSeatHoldAsync()
    {
        var (session, hold) = await SeatHoldAsync();
        await calls.CheckAsync(FuzzValues.NameOf(session.Name + "/seatHolds", hold.Name).Select(name => new GetSeatHoldRequest { Name = name }),
            request => coordinator.GetSeatHoldAsync(request).ResponseAsync, cases: 30);
    }

    private async Task ListSeatHoldsAsync()
    {
        var (session, _) = await SeatHoldAsync();
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf(ParentOf(session.Name) + "/sessions", session.Name)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(session.Name)
            select new ListSeatHoldsRequest { Parent = parent, PageSize = size, PageToken = token },
            request => coordinator.ListSeatHoldsAsync(request).ResponseAsync, cases: 40);
    }

    private async Task ConfirmSeatHoldAsync()
    {
        var (session, hold) = await SeatHoldAsync();
        var released = await ReleasedSeatHoldAsync(session);
        await calls.CheckAsync(
            FuzzValues.NameOf(session.Name + "/seatHolds", hold.Name, released.Name).Select(name => new ConfirmSeatHoldRequest { Name = name }),
            async request =>
            {
                var confirmed = (await assistance.ConfirmSeatHoldAsync(request)).SeatHold;
                Assert.Equal(SeatHold.Types.State.Confirmed, confirmed.State);
                Assert.Equal(confirmed, await ReadSeatHoldAsync(confirmed.Name));
            },
            request => ReadSeatHoldAsync(request.Name),
            cases: 30);
    }

    private async Task ReleaseSeatHoldAsync()
    {
        var (session, hold) = await SeatHoldAsync();
        await calls.CheckAsync(
            FuzzValues.NameOf(session.Name + "/seatHolds", hold.Name).Select(name => new ReleaseSeatHoldRequest { Name = name }),
            async request =>
            {
                var released = (await coordinator.ReleaseSeatHoldAsync(request)).SeatHold;
                Assert.Equal(SeatHold.Types.State.Released, released.State);
                Assert.Equal(released, await ReadSeatHoldAsync(released.Name));
                Assert.Equal(0, ((Session?)await ReadSessionAsync(session.Name))!.HeldSeatCount);
            },
            request => ReadSeatHoldAsync(request.Name),
            cases: 30);
    }

    /// <summary>A session of five seats, two of them held for Ghana.</summary>
    private async Task<(Session Session, SeatHold Hold)> SeatHoldAsync()
    {
        var session = await Setup.SessionAsync(seats: 5);
        var hold = (await coordinator.CreateSeatHoldAsync(new CreateSeatHoldRequest
        {
            Parent = session.Name,
            SeatHold = new SeatHold { Country = "GHA", Seats = 2 },
        })).SeatHold;
        return (session, hold);
    }

    private async Task<SeatHold> ReleasedSeatHoldAsync(Session session)
    {
        var hold = (await coordinator.CreateSeatHoldAsync(new CreateSeatHoldRequest
        {
            Parent = session.Name,
            SeatHold = new SeatHold { Country = "KEN", Seats = 1 },
        })).SeatHold;
        return (await coordinator.ReleaseSeatHoldAsync(new ReleaseSeatHoldRequest { Name = hold.Name })).SeatHold;
    }

    private async Task CreateEvaluationAsync()
    {
        var (session, enrolments) = await CompletedSessionAsync();
        var requests =
            from parent in FuzzValues.Mostly(Gen.Constant(session.Name), FuzzValues.NameOf(ParentOf(session.Name) + "/sessions", session.Name))
            from enrolment in FuzzValues.Mostly(
                Gen.Elements([.. enrolments.Select(enrolment => enrolment.Name)]),
                FuzzValues.NameOf(session.Name + "/enrolments", [.. enrolments.Select(enrolment => enrolment.Name)]))
            from reaction in FuzzValues.Mostly(Gen.Choose(1, 5), Rating)
            from learning in FuzzValues.Mostly(Gen.Choose(1, 5), Rating)
            from behaviour in FuzzValues.Mostly(Gen.Choose(0, 5), Rating)
            from results in FuzzValues.Mostly(Gen.Choose(0, 5), Rating)
            from comments in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
            from requestId in FuzzValues.Mostly(FuzzValues.ValidRequestId, FuzzValues.RequestId)
            from omitted in Gen.Elements(false, false, false, true)
            select new CreateEvaluationRequest
            {
                Parent = parent,
                Evaluation = omitted ? null : new Evaluation
                {
                    Enrolment = enrolment, Reaction = reaction, Learning = learning, Behaviour = behaviour, Results = results, Comments = comments,
                },
                RequestId = requestId,
            };

        await calls.CheckAsync(requests,
            async request =>
            {
                var created = (await coordinator.CreateEvaluationAsync(request)).Evaluation;
                var listed = await coordinator.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = session.Name, PageSize = 500 });
                Assert.Contains(created, listed.Evaluations);
            },
            _ => ReadSummaryAsync(session.Name + "/evaluationSummary"));
    }

    private async Task ListEvaluationsAsync()
    {
        var (session, _) = await CompletedSessionAsync();
        await calls.CheckAsync(
            from parent in FuzzValues.NameOf(ParentOf(session.Name) + "/sessions", session.Name)
            from size in FuzzValues.PageSize
            from token in FuzzValues.PageTokenFor(session.Name)
            select new ListEvaluationsRequest { Parent = parent, PageSize = size, PageToken = token },
            request => coordinator.ListEvaluationsAsync(request).ResponseAsync, cases: 40);
    }

    private async Task GetEvaluationSummaryAsync()
    {
        var (session, _) = await CompletedSessionAsync();
        var course = ParentOf(session.Name);
        var names = FuzzValues.Mostly(
            Gen.Elements(session.Name + "/evaluationSummary", course + "/evaluationSummary"),
            Gen.OneOf(
                Gen.Elements(session.Name, course, "/evaluationSummary", "evaluationSummary", session.Name + "/evaluationSummary/"),
                FuzzValues.NameIn("courses").Select(name => name + "/evaluationSummary"),
                FuzzValues.NameIn(course + "/sessions").Select(name => name + "/evaluationSummary"),
                FuzzValues.Text));
        await calls.CheckAsync(names.Select(name => new GetEvaluationSummaryRequest { Name = name }),
            request => coordinator.GetEvaluationSummaryAsync(request).ResponseAsync, cases: 40);
    }

    private static Gen<int> Rating { get; } = Gen.OneOf(Gen.Choose(-2, 8), Gen.Elements(int.MinValue, int.MaxValue));

    private static Gen<Course> AnyCourse { get; } =
        from title in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
        from summary in FuzzValues.Mostly(FuzzValues.ValidOptionalText, FuzzValues.Text)
        from areas in FuzzValues.Mostly(FuzzValues.DefinedThematicAreas, FuzzValues.ThematicAreas)
        from languages in FuzzValues.Mostly(FuzzValues.UnLanguages, FuzzValues.Language.ArrayOf())
        from level in FuzzValues.Mostly(FuzzValues.DefinedEnum<CourseLevel>(), FuzzValues.Enum<CourseLevel>())
        from audiences in FuzzValues.Mostly(FuzzValues.DefinedEnums<TargetAudience>(), FuzzValues.Enum<TargetAudience>().ArrayOf())
        from mode in FuzzValues.Mostly(FuzzValues.DefinedEnum<DeliveryMode>(), FuzzValues.Enum<DeliveryMode>())
        from hours in FuzzValues.Mostly(Gen.Choose(1, 1000), Gen.OneOf(Gen.Choose(-2, 1002), Gen.Elements(int.MinValue, int.MaxValue)))
        from prerequisites in FuzzValues.Mostly(FuzzValues.ValidTitle.ArrayOf().Select(items => items.Take(3).ToArray()), FuzzValues.Text.ArrayOf())
        from size in FuzzValues.Mostly(Gen.Choose(1, 500), Gen.OneOf(Gen.Choose(-2, 502), Gen.Elements(int.MinValue, int.MaxValue)))
        from status in FuzzValues.Mostly(Gen.Elements(CourseStatus.Unspecified, CourseStatus.Draft, CourseStatus.Published), FuzzValues.Enum<CourseStatus>())
        select new Course
        {
            Title = title, Summary = summary, ThematicAreas = { areas }, Languages = { languages }, Level = level, TargetAudiences = { audiences },
            DeliveryMode = mode, DurationHours = hours, Prerequisites = { prerequisites }, MaxClassSize = size, Status = status,
        };

    private static Gen<Session> AnySession { get; } =
        from start in FuzzValues.Mostly(Gen.Choose(1, 300).Select(days => (Timestamp?)Timestamp.FromDateTimeOffset(TrainingSetup.NextYear.AddDays(days))), FuzzValues.Instant)
        from end in FuzzValues.Mostly(Gen.Choose(301, 600).Select(days => (Timestamp?)Timestamp.FromDateTimeOffset(TrainingSetup.NextYear.AddDays(days))), FuzzValues.Instant)
        from location in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
        from language in FuzzValues.Mostly(Gen.Elements("es", "en"), FuzzValues.Language)
        from seats in FuzzValues.Mostly(Gen.Choose(1, 25), Gen.OneOf(Gen.Choose(-2, 30), Gen.Elements(int.MinValue, int.MaxValue)))
        select new Session { StartTime = start, EndTime = end, Location = location, Language = language, SeatCapacity = seats };

    private static Gen<Enrolment> AnyEnrolment { get; } =
        from participant in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
        from email in FuzzValues.Mostly(
            Gen.Fresh(() => $"p{Guid.NewGuid():N}@police.gov.gh"),
            Gen.OneOf(Gen.Elements("a@b", "@x.org", "a@@b.org", "a b@c.org", "A@B.ORG.", "x@y.z", TrainingSetup.Email(1)), FuzzValues.Text))
        from nationality in FuzzValues.Mostly(Gen.Constant("GHA"), FuzzValues.Country)
        from institution in FuzzValues.Mostly(FuzzValues.ValidTitle, FuzzValues.Text)
        from assistanceRequest in FuzzValues.Mostly(Gen.Constant(""), FuzzValues.NameIn("requests"))
        select new Enrolment
        {
            ParticipantName = participant, Email = email, Nationality = nationality, Institution = institution, AssistanceRequest = assistanceRequest,
        };

    /// <summary>A published, a draft and a retired course.</summary>
    private async Task<IReadOnlyList<Course>> CoursePoolAsync()
    {
        var published = await Setup.CourseAsync();
        var draft = await Setup.CourseAsync(course => course.Status = CourseStatus.Draft);
        var retired = (await coordinator.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = (await Setup.CourseAsync()).Name, Status = CourseStatus.Retired },
            UpdateMask = new() { Paths = { "status" } },
        })).Course;
        return [published, draft, retired];
    }

    /// <summary>Sessions of one course in every status, the scheduled one full with a waitlist.</summary>
    private async Task<IReadOnlyList<Session>> SessionPoolAsync()
    {
        var course = await Setup.CourseAsync();
        var scheduled = await Setup.SessionAsync(course, seats: 1);
        await Setup.EnrolAsync(scheduled, TrainingSetup.Email(1));
        await Setup.EnrolAsync(scheduled, TrainingSetup.Email(2));
        var pool = new List<Session> { (Session)(await ReadSessionAsync(scheduled.Name))! };
        foreach (var status in new[] { SessionStatus.InProgress, SessionStatus.Completed, SessionStatus.Cancelled })
        {
            pool.Add(await Setup.SetStatusAsync(await Setup.SessionAsync(course), status));
        }

        return pool;
    }

    /// <summary>A completed session with two confirmed participants and one waitlisted.</summary>
    private async Task<(Session Session, IReadOnlyList<Enrolment> Enrolments)> CompletedSessionAsync()
    {
        var session = await Setup.SessionAsync(seats: 2);
        var enrolments = new List<Enrolment>();
        for (var i = 0; i < 3; i++)
        {
            enrolments.Add(await Setup.EnrolAsync(session, TrainingSetup.Email(i)));
        }

        return (await Setup.SetStatusAsync(session, SessionStatus.Completed), enrolments);
    }

    /// <summary>No mask, or some of the updatable fields.</summary>
    private static Gen<FieldMask?> ValidMask(params string[] fields) =>
        Gen.OneOf(Gen.Constant<FieldMask?>(null), Gen.SubListOf(fields).Select(paths => (FieldMask?)new FieldMask { Paths = { paths } }));

    /// <summary>None, or distinct defined values.</summary>
    private static Gen<TEnum[]> OptionalSet<TEnum>()
        where TEnum : struct, System.Enum =>
        Gen.OneOf(Gen.Constant<TEnum[]>([]), FuzzValues.DefinedEnums<TEnum>());

    private static string ParentOf(string name) => name[..name.LastIndexOf('/', name.LastIndexOf('/') - 1)];

    private static Course Named(Course patch, string name, string etag)
    {
        patch.Name = name;
        patch.Etag = etag;
        return patch;
    }

    private static Session Named(Session patch, string name, string etag, SessionStatus status)
    {
        patch.Name = name;
        patch.Etag = etag;
        patch.Status = status;
        return patch;
    }

    private async Task<IMessage?> ReadCourseAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetCourseAsync(new GetCourseRequest { Name = name })).Course);

    private async Task<IMessage?> ReadSessionAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetSessionAsync(new GetSessionRequest { Name = name })).Session);

    private async Task<IMessage?> ReadEnrolmentAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetEnrolmentAsync(new GetEnrolmentRequest { Name = name })).Enrolment);

    private async Task<IMessage?> ReadSeatHoldAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetSeatHoldAsync(new GetSeatHoldRequest { Name = name })).SeatHold);

    private async Task<IMessage?> ReadSummaryAsync(string name) =>
        await FuzzCalls.ReadOrNullAsync(async () => (await coordinator.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = name })).EvaluationSummary);
}
