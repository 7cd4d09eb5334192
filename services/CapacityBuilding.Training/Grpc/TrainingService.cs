using System.Security.Cryptography;
using System.Text;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
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
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

/// <summary>
/// The training catalogue's gRPC service: maps messages and outcomes to answers, nothing else.
/// One file per resource (courses here; sessions, enrolments, evaluations, seat holds, matching,
/// experts and delivery events beside it).
/// </summary>
public sealed partial class TrainingService(
    RedisCourseRepository courses,
    RedisSessionRepository sessions,
    RedisEnrolmentRepository enrolments,
    RedisEvaluationRepository evaluations,
    RedisSeatHoldRepository seatHolds,
    CourseValidator courseValidator,
    SessionValidator sessionValidator,
    EnrolmentValidator enrolmentValidator,
    EnrolmentAccess enrolmentAccess,
    EvaluationValidator evaluationValidator,
    SeatHoldValidator seatHoldValidator,
    EventEvaluationValidator eventEvaluationValidator,
    FollowUpValidator followUpValidator,
    SearchRequestReader searchReader,
    MatchRequestValidator matchValidator,
    RedisExpertRepository experts,
    ExpertValidator expertValidator,
    ExpertMatchValidator expertMatchValidator,
    RedisDeliveryEventRepository deliveryEvents,
    DeliveryEventValidator deliveryEventValidator,
    AssistanceRequests assistanceRequests,
    EventHistoryRecorder historyRecorder,
    PageTokens pageTokens,
    ApiErrors errors,
    TimeProvider clock) : Contracts.Training.V1.TrainingService.TrainingServiceBase
{
    private const string CourseListScope = "courses";
    private const int BatchGetMaxNames = 100;

    public override async Task<CreateCourseResponse> CreateCourse(CreateCourseRequest request, ServerCallContext context)
    {
        courseValidator.EnsureValid(request, errors);
        if (request.ValidateOnly)
        {
            return new CreateCourseResponse();
        }

        // Every role that may call reads every course: a replay needs no row-level check.
        var stored = await courses.CreateAsync(request.Course.ToNewStoredCourse(clock.GetUtcNow()), IdempotentCreate.Of(context.GetCaller(), request));
        return new CreateCourseResponse { Course = stored.ToMessage() };
    }

    public override async Task<GetCourseResponse> GetCourse(GetCourseRequest request, ServerCallContext context)
    {
        var course = await ExistingCourseAsync(request.Name, "name");
        return new GetCourseResponse { Course = course.ToMessage() };
    }

    public override async Task<ListCoursesResponse> ListCourses(ListCoursesRequest request, ServerCallContext context)
    {
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, CourseListScope);
        var (items, lastId) = await courses.ListAsync(pageSize, afterId);
        return new ListCoursesResponse
        {
            Courses = { items.Select(course => course.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, CourseListScope),
        };
    }

    public override async Task<BatchGetCoursesResponse> BatchGetCourses(BatchGetCoursesRequest request, ServerCallContext context)
    {
        if (request.Names.Count > BatchGetMaxNames)
        {
            throw errors.InvalidArgument("names", $"must list at most {BatchGetMaxNames} courses.");
        }

        var ids = request.Names.Select((name, index) => CourseNames.Course.Parse(name, $"names[{index}]", errors).CourseId).ToList();
        var found = await courses.GetManyAsync(ids);
        var response = new BatchGetCoursesResponse();
        for (var i = 0; i < found.Count; i++)
        {
            var course = found[i] ?? throw errors.NotFound(CourseNames.Course.ResourceType, request.Names[i]);
            response.Courses.Add(course.ToMessage());
        }

        return response;
    }

    public override async Task<UpdateCourseResponse> UpdateCourse(UpdateCourseRequest request, ServerCallContext context)
    {
        if (request.Course is null)
        {
            throw errors.InvalidArgument("course", "is required.");
        }

        var current = await ExistingCourseAsync(request.Course.Name, "course.name");
        var violations = new FieldViolations();
        var mask = CourseMessages.UpdatableFields.Resolve(request.UpdateMask, request.Course, violations);
        var updated = CourseMessages.UpdatableFields.Merge(mask, current.ToMessage(), request.Course);
        courseValidator.ValidateUpdated(violations, updated, mask.Paths.Contains("status"));
        if (Etags.IsStale(request.Course.Etag, current.Etag))
        {
            throw errors.StaleEtag(request.Course.Name);
        }

        if (current.Status == CourseStatus.Retired)
        {
            throw errors.WrongStatus(ErrorReasons.CourseRetired,
                $"{request.Course.Name} is {ProtoEnumNames.Of(current.Status)} and no longer changes.",
                ProtoEnumNames.Of(current.Status));
        }

        if (!CourseStatusRules.CanChange(current.Status, updated.Status))
        {
            throw errors.WrongStatus(ErrorReasons.CourseStatusChangeNotAllowed,
                $"{request.Course.Name} is {ProtoEnumNames.Of(current.Status)}; it cannot become {ProtoEnumNames.Of(updated.Status)}.",
                ProtoEnumNames.Of(current.Status));
        }

        var stored = updated.ToUpdatedStoredCourse(current, clock.GetUtcNow());
        return await courses.ReplaceAsync(current, stored) switch
        {
            ReplaceOutcome<StoredCourse>.Replaced replaced => new UpdateCourseResponse { Course = replaced.Document.ToMessage() },
            ReplaceOutcome<StoredCourse>.NotFound => throw errors.NotFound(CourseNames.Course.ResourceType, request.Course.Name),
            _ => throw errors.StaleEtag(request.Course.Name),
        };
    }

    public override async Task<SearchCoursesResponse> SearchCourses(SearchCoursesRequest request, ServerCallContext context)
    {
        var search = searchReader.Read(request);
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var scope = "courses:search:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(search.Fingerprint)))[..16];
        var afterId = pageTokens.Decode(request.PageToken, scope);
        var (ids, total) = await courses.SearchAsync(search, pageSize + 1, afterId);
        var pageIds = ids.Take(pageSize).ToList();
        var found = await courses.GetManyAsync(pageIds);
        return new SearchCoursesResponse
        {
            Courses = { found.OfType<StoredCourse>().Select(course => course.ToMessage()) },
            NextPageToken = PageTokens.Encode(ids.Count > pageSize ? pageIds[^1] : null, scope),
            TotalSize = total,
        };
    }

    private async Task<StoredCourse> ExistingCourseAsync(string name, string field)
    {
        var id = CourseNames.Course.Parse(name, field, errors).CourseId;
        return await courses.GetAsync(id) ?? throw errors.NotFound(CourseNames.Course.ResourceType, name);
    }
}
