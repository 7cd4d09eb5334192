using CapacityBuilding.Training.Courses;
using CapacityBuilding.Training.Repositories;

namespace CapacityBuilding.Training.Extensions;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TrainingPermissions.Table);
        builder.Services.AddSingleton<RedisCourseRepository>();
        builder.Services.AddSingleton<CourseValidator>();
        return builder;
    }
}
