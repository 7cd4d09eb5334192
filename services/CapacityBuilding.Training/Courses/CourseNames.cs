using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Training.Courses;

public static class CourseNames
{
    public static readonly ResourceName Course = new("Course", "courses/{course}");
}
