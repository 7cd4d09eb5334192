using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Training;

/// <summary>Creates the course and session a test starts from, through the gateway.</summary>
internal sealed class TrainingSetup(TrainingService.TrainingServiceClient training)
{
    /// <summary>Far enough ahead that sessions are upcoming whenever the tests run.</summary>
    public static readonly DateTimeOffset NextYear = new(DateTimeOffset.UtcNow.Year + 1, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public async Task<Course> CourseAsync(Action<Course>? change = null)
    {
        var course = SampleData.Course(SampleData.UniqueTitle("Electronic evidence"));
        change?.Invoke(course);
        return (await training.CreateCourseAsync(new CreateCourseRequest { Course = course })).Course;
    }

    public async Task<Session> SessionAsync(Course course, int seats = 20, DateTimeOffset? start = null, string language = "es") =>
        (await training.CreateSessionAsync(new CreateSessionRequest
        {
            Parent = course.Name,
            Session = SampleData.Session(start ?? NextYear, seats, language),
        })).Session;

    public async Task<Session> SessionAsync(int seats = 20) => await SessionAsync(await CourseAsync(), seats);

    public async Task<Enrolment> EnrolAsync(Session session, string email) =>
        (await training.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = session.Name, Enrolment = SampleData.Enrolment(email) })).Enrolment;

    public async Task<Session> SetStatusAsync(Session session, SessionStatus status) =>
        (await training.UpdateSessionAsync(new UpdateSessionRequest
        {
            Session = new Session { Name = session.Name, Status = status },
            UpdateMask = new() { Paths = { "status" } },
        })).Session;

    public static string Email(int i) => $"participant{i}@police.example.org";
}
