using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Courses;

/// <summary>
/// The life of a course: DRAFT to PUBLISHED or RETIRED, PUBLISHED to RETIRED. Retired is final:
/// the course stays readable for history but no longer changes.
/// </summary>
public static class CourseStatusRules
{
    public static bool CanChange(CourseStatus from, CourseStatus to) => (from, to) switch
    {
        _ when from == to => true,
        (CourseStatus.Draft, CourseStatus.Published or CourseStatus.Retired) => true,
        (CourseStatus.Published, CourseStatus.Retired) => true,
        _ => false,
    };
}
