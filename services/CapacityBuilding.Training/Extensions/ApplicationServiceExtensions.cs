using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Courses;
using CapacityBuilding.Training.Enrolments;
using CapacityBuilding.Training.Evaluations;
using CapacityBuilding.Training.Matching;
using CapacityBuilding.Training.Repositories;
using CapacityBuilding.Training.Search;
using CapacityBuilding.Training.Sessions;

namespace CapacityBuilding.Training.Extensions;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TrainingPermissions.Table);
        builder.Services.AddSingleton<RedisCourseRepository>();
        builder.Services.AddSingleton<RedisSessionRepository>();
        builder.Services.AddSingleton<RedisEnrolmentRepository>();
        builder.Services.AddSingleton<RedisEvaluationRepository>();
        builder.Services.AddValidator<CourseValidator>();
        builder.Services.AddValidator<SessionValidator>();
        builder.Services.AddValidator<EnrolmentValidator>();
        builder.Services.AddValidator<EvaluationValidator>();
        builder.Services.AddValidator<SearchRequestReader>();
        builder.Services.AddValidator<MatchRequestValidator>();
        return builder;
    }
}
