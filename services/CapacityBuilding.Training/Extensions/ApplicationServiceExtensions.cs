using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Access;
using CapacityBuilding.Training.Clients;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Enrolments;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Domain.Events;
using CapacityBuilding.Training.Domain.Experts;
using CapacityBuilding.Training.Domain.Matching;
using CapacityBuilding.Training.Domain.Search;
using CapacityBuilding.Training.Domain.SeatHolds;
using CapacityBuilding.Training.Domain.Sessions;
using CapacityBuilding.Training.Repositories;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;

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
        builder.Services.AddValidator<EventEvaluationValidator>();
        builder.Services.AddValidator<FollowUpValidator>();
        builder.Services.AddValidator<SearchRequestReader>();
        builder.Services.AddValidator<MatchRequestValidator>();
        builder.Services.AddSingleton<RedisExpertRepository>();
        builder.Services.AddValidator<ExpertValidator>();
        builder.Services.AddValidator<ExpertMatchValidator>();
        builder.Services.AddSingleton<RedisDeliveryEventRepository>();
        builder.Services.AddValidator<DeliveryEventValidator>();
        // Training reads the request an event serves, and records the event's steps on its
        // history, as itself: a member state or coordinator calling training has no say there.
        builder.Services.AddServiceClient<AssistanceClient>(builder.Configuration, TrainingApp.AssistanceAppId, TrainingApp.AssistanceUnreachable)
            .CallAsService(builder.Configuration);
        builder.Services.AddSingleton<AssistanceRequests>();
        builder.Services.AddSingleton<RequestHistory>();
        builder.Services.AddSingleton<EventHistoryRecorder>();
        builder.Services.AddValidatedOptions<DeliveryHistoryOptions, DeliveryHistoryOptionsValidator>(builder.Configuration, DeliveryHistoryOptions.SectionName);
        builder.Services.AddHostedService<UnrecordedStepsWorker>();
        return builder;
    }
}
