using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// Every method names every bad field (AIP-193 paths) in one INVALID_ARGUMENT, and stores nothing.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class TrainingValidationTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    public static TheoryData<string, Action<Course>, string[]> InvalidCourses => new()
    {
        { "no title", c => c.Title = " ", ["course.title"] },
        { "no level", c => c.Level = CourseLevel.Unspecified, ["course.level"] },
        { "unknown level", c => c.Level = (CourseLevel)42, ["course.level"] },
        { "no audience", c => c.TargetAudiences.Clear(), ["course.target_audiences"] },
        { "repeated audience", c => c.TargetAudiences.Add(TargetAudience.Investigators), ["course.target_audiences[2]"] },
        { "no mode", c => c.DeliveryMode = DeliveryMode.Unspecified, ["course.delivery_mode"] },
        { "no duration", c => c.DurationHours = 0, ["course.duration_hours"] },
        { "too long", c => c.DurationHours = 1001, ["course.duration_hours"] },
        { "class of none", c => c.MaxClassSize = 0, ["course.max_class_size"] },
        { "class too big", c => c.MaxClassSize = 501, ["course.max_class_size"] },
        { "blank prerequisite", c => c.Prerequisites.Add(""), ["course.prerequisites[1]"] },
        { "bad language", c => c.Languages.Add("pt"), ["course.languages[2]"] },
        { "created retired", c => c.Status = CourseStatus.Retired, ["course.status"] },
        {
            "everything at once",
            c =>
            {
                c.Title = "";
                c.ThematicAreas.Clear();
                c.Languages.Clear();
                c.Level = CourseLevel.Unspecified;
                c.TargetAudiences.Clear();
                c.DeliveryMode = DeliveryMode.Unspecified;
                c.DurationHours = -1;
                c.MaxClassSize = 0;
            },
            ["course.title", "course.thematic_areas", "course.languages", "course.level", "course.target_audiences",
             "course.delivery_mode", "course.duration_hours", "course.max_class_size"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCourses))]
    public async Task CreateCourse_names_every_bad_field_and_stores_nothing(string @case, Action<Course> spoil, string[] expected)
    {
        var course = SampleData.Course(SampleData.UniqueTitle(@case));
        var uniqueWord = course.Title.Split(' ')[^1];
        spoil(course);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            training.CreateCourseAsync(new CreateCourseRequest { Course = course }).ResponseAsync);

        Assert.Equal(expected, failure.ViolatedFields());
        Assert.Empty((await training.SearchCoursesAsync(new SearchCoursesRequest { Query = uniqueWord })).Courses);
    }

    [Fact]
    public async Task UpdateCourse_names_bad_mask_paths_and_bad_values_and_changes_nothing()
    {
        var course = await setup.CourseAsync();

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = course.Name, MaxClassSize = 9999, Languages = { "xx" } },
            UpdateMask = new FieldMask { Paths = { "max_class_size", "create_time", "languages", "status" } },
        }).ResponseAsync);

        Assert.Equal(["update_mask.paths[1]", "course.languages[0]", "course.max_class_size", "course.status"], failure.ViolatedFields());
        Assert.Equal(course, (await training.GetCourseAsync(new GetCourseRequest { Name = course.Name })).Course);
    }

    [Fact]
    public async Task SearchCourses_names_every_bad_criterion()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => training.SearchCoursesAsync(new SearchCoursesRequest
        {
            ThematicAreas = { ThematicArea.Unspecified },
            Languages = { "de" },
            Levels = { (CourseLevel)9 },
            Audiences = { TargetAudience.Judges, TargetAudience.Judges },
            Query = new string('a', 201),
            PageSize = -1,
        }).ResponseAsync);

        Assert.Equal(["thematic_areas[0]", "languages[0]", "levels[0]", "audiences[1]", "query"], failure.ViolatedFields());
    }

    [Fact]
    public async Task A_repeated_enum_value_is_named_as_the_proto_spells_it()
    {
        var course = SampleData.Course(SampleData.UniqueTitle("repeated theme"));
        course.ThematicAreas.Add(course.ThematicAreas[0]);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            training.CreateCourseAsync(new CreateCourseRequest { Course = course }).ResponseAsync);

        var violation = failure.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single();
        Assert.Equal("course.thematic_areas[2]", violation.Field);
        Assert.Equal("repeats THEMATIC_AREA_ELECTRONIC_EVIDENCE.", violation.Description);
    }

    public static TheoryData<string, Action<Session>, string[]> InvalidSessions => new()
    {
        { "ends before it starts", s => s.EndTime = Timestamp.FromDateTimeOffset(TrainingSetup.NextYear.AddDays(-1)), ["session.end_time"] },
        { "no start", s => s.StartTime = null, ["session.start_time"] },
        { "no location", s => s.Location = "", ["session.location"] },
        { "language the course is not taught in", s => s.Language = "fr", ["session.language"] },
        { "more seats than the class size", s => s.SeatCapacity = 26, ["session.seat_capacity"] },
        { "no seats", s => s.SeatCapacity = 0, ["session.seat_capacity"] },
        { "everything at once", s => { s.EndTime = null; s.Location = ""; s.Language = ""; s.SeatCapacity = -3; }, ["session.end_time", "session.location", "session.language", "session.seat_capacity"] },
    };

    [Theory]
    [MemberData(nameof(InvalidSessions))]
    public async Task CreateSession_names_every_bad_field_and_stores_nothing(string @case, Action<Session> spoil, string[] expected)
    {
        var course = await setup.CourseAsync();
        var session = SampleData.Session(TrainingSetup.NextYear);
        spoil(session);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            training.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, Session = session }).ResponseAsync);

        Assert.True(expected.SequenceEqual(failure.ViolatedFields()), $"{@case}: {string.Join(", ", failure.ViolatedFields())}");
        Assert.Empty((await training.ListSessionsAsync(new ListSessionsRequest { Parent = course.Name })).Sessions);
    }

    [Fact]
    public async Task UpdateSession_names_bad_mask_paths_and_times()
    {
        var session = await setup.SessionAsync();

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => training.UpdateSessionAsync(new UpdateSessionRequest
        {
            Session = new Session { Name = session.Name, EndTime = Timestamp.FromDateTimeOffset(TrainingSetup.NextYear.AddHours(-1)) },
            UpdateMask = new FieldMask { Paths = { "seat_capacity", "end_time" } },
        }).ResponseAsync);

        Assert.Equal(["update_mask.paths[0]", "session.end_time"], failure.ViolatedFields());
    }

    public static TheoryData<string, Action<Enrolment>, string[]> InvalidEnrolments => new()
    {
        { "no name", e => e.ParticipantName = "", ["enrolment.participant_name"] },
        { "no e-mail", e => e.Email = "", ["enrolment.email"] },
        { "not an e-mail", e => e.Email = "ama at police", ["enrolment.email"] },
        { "two @", e => e.Email = "a@b@police.org", ["enrolment.email"] },
        { "not a country", e => e.Nationality = "XYZ", ["enrolment.nationality"] },
        { "no institution", e => e.Institution = " ", ["enrolment.institution"] },
        { "not a request name", e => e.AssistanceRequest = "requests/42", ["enrolment.assistance_request"] },
        {
            "everything at once",
            e => { e.ParticipantName = ""; e.Email = "x"; e.Nationality = ""; e.Institution = ""; },
            ["enrolment.participant_name", "enrolment.email", "enrolment.nationality", "enrolment.institution"]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidEnrolments))]
    public async Task CreateEnrolment_names_every_bad_field_and_takes_no_seat(string @case, Action<Enrolment> spoil, string[] expected)
    {
        var session = await setup.SessionAsync();
        var enrolment = SampleData.Enrolment("valid@police.example.org");
        spoil(enrolment);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            training.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = session.Name, Enrolment = enrolment }).ResponseAsync);

        Assert.True(expected.SequenceEqual(failure.ViolatedFields()), $"{@case}: {string.Join(", ", failure.ViolatedFields())}");
        Assert.Equal(0, (await training.GetSessionAsync(new GetSessionRequest { Name = session.Name })).Session.ConfirmedCount);
    }

    [Fact]
    public async Task CreateEvaluation_names_every_bad_rating_and_a_foreign_enrolment()
    {
        var session = await setup.SessionAsync();
        var other = await setup.SessionAsync();
        var enrolment = await setup.EnrolAsync(other, "elsewhere@police.example.org");

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => training.CreateEvaluationAsync(new CreateEvaluationRequest
        {
            Parent = session.Name,
            Evaluation = new Evaluation { Enrolment = enrolment.Name, Reaction = 0, Learning = 6, Behaviour = -1, Results = 7 },
        }).ResponseAsync);

        Assert.Equal(["evaluation.enrolment", "evaluation.reaction", "evaluation.learning", "evaluation.behaviour", "evaluation.results"], failure.ViolatedFields());
    }

    public static TheoryData<string, MatchCoursesRequest, string[]> InvalidMatches => new()
    {
        { "no theme", new MatchCoursesRequest(), ["thematic_areas"] },
        { "unspecified theme", new MatchCoursesRequest { ThematicAreas = { ThematicArea.Unspecified } }, ["thematic_areas[0]"] },
        { "bad language", new MatchCoursesRequest { ThematicAreas = { ThematicArea.Legislation }, Languages = { "es", "EN" } }, ["languages[1]"] },
        { "bad audience", new MatchCoursesRequest { ThematicAreas = { ThematicArea.Legislation }, Audiences = { TargetAudience.Unspecified } }, ["audiences[0]"] },
        { "no day", new MatchCoursesRequest { ThematicAreas = { ThematicArea.Legislation }, EarliestStart = new Date { Year = 2027, Month = 2 } }, ["earliest_start"] },
        { "30 February", new MatchCoursesRequest { ThematicAreas = { ThematicArea.Legislation }, LatestEnd = new Date { Year = 2027, Month = 2, Day = 30 } }, ["latest_end"] },
        {
            "window backwards",
            new MatchCoursesRequest { ThematicAreas = { ThematicArea.Legislation }, EarliestStart = new Date { Year = 2027, Month = 5, Day = 1 }, LatestEnd = new Date { Year = 2027, Month = 4, Day = 1 } },
            ["latest_end"]
        },
        { "negative max", new MatchCoursesRequest { ThematicAreas = { ThematicArea.Legislation }, MaxResults = -1 }, ["max_results"] },
    };

    [Theory]
    [MemberData(nameof(InvalidMatches))]
    public async Task MatchCourses_names_every_bad_field(string @case, MatchCoursesRequest request, string[] expected)
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => training.MatchCoursesAsync(request).ResponseAsync);

        Assert.True(expected.SequenceEqual(failure.ViolatedFields()), $"{@case}: {string.Join(", ", failure.ViolatedFields())}");
    }

    public static TheoryData<string, Func<TrainingService.TrainingServiceClient, Task>, string> MalformedNames => new()
    {
        { "GetSession", t => t.GetSessionAsync(new GetSessionRequest { Name = "courses/x/sessions/y" }).ResponseAsync, "name" },
        { "ListSessions", t => t.ListSessionsAsync(new ListSessionsRequest { Parent = "sessions/1" }).ResponseAsync, "parent" },
        { "CreateSession", t => t.CreateSessionAsync(new CreateSessionRequest { Parent = "courses/" }).ResponseAsync, "parent" },
        { "CreateEnrolment", t => t.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = "courses/1/sessions/2" }).ResponseAsync, "parent" },
        { "GetEnrolment", t => t.GetEnrolmentAsync(new GetEnrolmentRequest { Name = "enrolments/1" }).ResponseAsync, "name" },
        { "ListEnrolments", t => t.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = "" }).ResponseAsync, "parent" },
        { "CancelEnrolment", t => t.CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = "courses/1" }).ResponseAsync, "name" },
        { "CreateEvaluation", t => t.CreateEvaluationAsync(new CreateEvaluationRequest { Parent = "x" }).ResponseAsync, "parent" },
        { "ListEvaluations", t => t.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = "x" }).ResponseAsync, "parent" },
        { "GetEvaluationSummary", t => t.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = "courses/1/summary" }).ResponseAsync, "name" },
        { "UpdateCourse", t => t.UpdateCourseAsync(new UpdateCourseRequest { Course = new Course { Name = "course/1" } }).ResponseAsync, "course.name" },
        { "UpdateSession", t => t.UpdateSessionAsync(new UpdateSessionRequest { Session = new Session { Name = "x" } }).ResponseAsync, "session.name" },
    };

    [Theory]
    [MemberData(nameof(MalformedNames))]
    public async Task A_malformed_resource_name_is_named_as_the_bad_field(string method, Func<TrainingService.TrainingServiceClient, Task> call, string expected)
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => call(training));

        Assert.True(new[] { expected }.SequenceEqual(failure.ViolatedFields()), $"{method}: {string.Join(", ", failure.ViolatedFields())}");
    }
}
