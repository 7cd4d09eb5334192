using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Access;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Enrolments;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Domain.Matching;
using CapacityBuilding.Training.Domain.Search;
using CapacityBuilding.Training.Domain.SeatHolds;
using CapacityBuilding.Training.Domain.Sessions;
using CapacityBuilding.Training.Repositories;

namespace CapacityBuilding.Training.Extensions;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TrainingPermissions.Table);
        builder.Services.AddSingleton<EnrolmentAccess>();
        builder.Services.AddSingleton<RedisCourseRepository>();
        builder.Services.AddSingleton<RedisSessionRepository>();
        builder.Services.AddSingleton<RedisEnrolmentRepository>();
        builder.Services.AddHostedService<EnrolmentIndexBackfill>();
        builder.Services.AddSingleton<RedisEvaluationRepository>();
        builder.Services.AddSingleton<RedisSeatHoldRepository>();
        builder.Services.AddValidator<CourseValidator>();
        builder.Services.AddValidator<SessionValidator>();
        builder.Services.AddValidator<EnrolmentValidator>();
        builder.Services.AddValidator<EvaluationValidator>();
        builder.Services.AddValidator<SeatHoldValidator>();
        builder.Services.AddValidator<SearchRequestReader>();
        builder.Services.AddValidator<MatchRequestValidator>();
        return builder;
    }
}
