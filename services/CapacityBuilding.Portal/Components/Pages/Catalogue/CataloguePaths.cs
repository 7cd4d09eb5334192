namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>
/// The catalogue's pages mirror the training service's resource names: the page of
/// <c>courses/{course}/sessions/{session}</c> is <c>/catalogue/courses/{course}/sessions/{session}</c>,
/// so a name the service answers is a link without translation tables.
/// </summary>
public static class CataloguePaths
{
    public const string Root = "/catalogue";

    public const string NewCourse = Root + "/new";

    public const string NationalsEnrolments = Root + "/enrolments";

    public static string Of(string resourceName) => $"{Root}/{resourceName}";

    public static string CourseName(string courseId) => $"courses/{courseId}";

    public static string SessionName(string courseId, string sessionId) => $"{CourseName(courseId)}/sessions/{sessionId}";

    public static string EnrolmentName(string courseId, string sessionId, string enrolmentId) => $"{SessionName(courseId, sessionId)}/enrolments/{enrolmentId}";

    /// <summary>The course a session or enrolment belongs to: the first two segments of its name.</summary>
    public static string CourseOf(string resourceName) => string.Join('/', resourceName.Split('/').Take(2));

    /// <summary>The session an enrolment belongs to: the first four segments of its name.</summary>
    public static string SessionOf(string enrolmentName) => string.Join('/', enrolmentName.Split('/').Take(4));
}
