using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Training.Courses;

/// <summary>The resource name patterns of the training service.</summary>
public static class CourseNames
{
    public static readonly ResourceName Course = new("Course", "courses/{course}");

    public static readonly ResourceName Session = new("Session", "courses/{course}/sessions/{session}");

    public static readonly ResourceName Enrolment = new("Enrolment", "courses/{course}/sessions/{session}/enrolments/{enrolment}");

    public static readonly ResourceName Evaluation = new("Evaluation", "courses/{course}/sessions/{session}/evaluations/{evaluation}");

    public const string EvaluationSummaryType = "EvaluationSummary";

    public const string EvaluationSummarySegment = "evaluationSummary";
}
