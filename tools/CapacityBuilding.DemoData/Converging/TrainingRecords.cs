using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.DemoData.Converging;

/// <summary>The training service's demo records (<see cref="DemoRecord{T}"/>): how each is created, found again and, where the API allows, edited.</summary>
public sealed class TrainingRecords(TrainingService.TrainingServiceClient training)
{
    private const int PageSize = 100;

    public DemoRecord<Course> Course(string key, Course content) => new(
        "course", key, content,
        async (requestId, options) => (await training.CreateCourseAsync(new() { Course = content, RequestId = requestId }, options)).Course,
        async (token, options) => DemoPages.Of(await training.ListCoursesAsync(new() { PageToken = token, PageSize = PageSize }, options), page => page.Courses),
        earlier => earlier.Title == content.Title,
        async (updated, mask, options) => (await training.UpdateCourseAsync(new() { Course = updated, UpdateMask = mask }, options)).Course);

    /// <summary>A session of <paramref name="course"/>, told apart from the course's others by when it starts.</summary>
    public DemoRecord<Session> Session(string key, string course, Session content) => new(
        "session", key, content,
        async (requestId, options) => (await training.CreateSessionAsync(new() { Parent = course, Session = content, RequestId = requestId }, options)).Session,
        async (token, options) => DemoPages.Of(await training.ListSessionsAsync(new() { Parent = course, PageToken = token, PageSize = PageSize }, options), page => page.Sessions),
        earlier => Equals(earlier.StartTime, content.StartTime),
        async (updated, mask, options) => (await training.UpdateSessionAsync(new() { Session = updated, UpdateMask = mask }, options)).Session);

    /// <summary>A participant of <paramref name="session"/>, told apart by e-mail address.</summary>
    public DemoRecord<Enrolment> Enrolment(string key, string session, Enrolment content) => new(
        "enrolment", key, content,
        async (requestId, options) => (await training.CreateEnrolmentAsync(new() { Parent = session, Enrolment = content, RequestId = requestId }, options)).Enrolment,
        async (token, options) => DemoPages.Of(await training.ListEnrolmentsAsync(new() { Parent = session, PageToken = token, PageSize = PageSize }, options), page => page.Enrolments),
        earlier => string.Equals(earlier.Email, content.Email, StringComparison.OrdinalIgnoreCase));

    /// <summary>An evaluation of a completed session; evaluations are not edited.</summary>
    public DemoRecord<Evaluation> SessionEvaluation(string key, string session, Evaluation content) => new(
        "evaluation", key, content,
        async (requestId, options) => (await training.CreateEvaluationAsync(new() { Parent = session, Evaluation = content, RequestId = requestId }, options)).Evaluation,
        async (token, options) => DemoPages.Of(await training.ListEvaluationsAsync(new() { Parent = session, PageToken = token, PageSize = PageSize }, options), page => page.Evaluations),
        earlier => SameRespondent(earlier, content));

    public DemoRecord<Expert> Expert(string key, Expert content) => new(
        "expert", key, content,
        async (requestId, options) => (await training.CreateExpertAsync(new() { Expert = content, RequestId = requestId }, options)).Expert,
        async (token, options) => DemoPages.Of(await training.ListExpertsAsync(new() { PageToken = token, PageSize = PageSize }, options), page => page.Experts),
        earlier => earlier.DisplayName == content.DisplayName,
        async (updated, mask, options) => (await training.UpdateExpertAsync(new() { Expert = updated, UpdateMask = mask }, options)).Expert);

    /// <summary>An event for the request named in <paramref name="content"/>, told apart from its other events by title; edited while planned or confirmed.</summary>
    public DemoRecord<DeliveryEvent> DeliveryEvent(string key, DeliveryEvent content) => new(
        "event", key, content,
        async (requestId, options) => (await training.CreateDeliveryEventAsync(new() { DeliveryEvent = content, RequestId = requestId }, options)).DeliveryEvent,
        async (token, options) => DemoPages.Of(await training.ListDeliveryEventsAsync(
            new() { AssistanceRequest = content.AssistanceRequest, PageToken = token, PageSize = PageSize }, options), page => page.DeliveryEvents),
        earlier => earlier.Title == content.Title,
        async (updated, mask, options) => (await training.UpdateDeliveryEventAsync(new() { DeliveryEvent = updated, UpdateMask = mask }, options)).DeliveryEvent);

    public DemoRecord<Evaluation> EventEvaluation(string key, string deliveryEvent, Evaluation content) => new(
        "evaluation", key, content,
        async (requestId, options) => (await training.CreateDeliveryEventEvaluationAsync(
            new() { Parent = deliveryEvent, Evaluation = content, RequestId = requestId }, options)).Evaluation,
        async (token, options) => DemoPages.Of(await training.ListDeliveryEventEvaluationsAsync(
            new() { Parent = deliveryEvent, PageToken = token, PageSize = PageSize }, options), page => page.Evaluations),
        earlier => SameRespondent(earlier, content));

    /// <summary>
    /// The same respondent: the expert, the enrolment, or the host institution (one per event or
    /// session); anonymous participants of an event only by what they wrote.
    /// </summary>
    private static bool SameRespondent(Evaluation earlier, Evaluation content) =>
        earlier.Respondent == content.Respondent && earlier.Expert == content.Expert && earlier.Enrolment == content.Enrolment
        && (content.Respondent != Respondent.Participant || content.Enrolment.Length > 0 || earlier.Comments == content.Comments);
}
