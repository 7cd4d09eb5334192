using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.Training.Courses;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed class TrainingService(
    RedisCourseRepository courses,
    CourseValidator validator,
    PageTokens pageTokens,
    ApiErrors errors,
    TimeProvider clock) : Contracts.Training.V1.TrainingService.TrainingServiceBase
{
    private const string CourseListScope = "courses";
    private const int BatchGetMaxNames = 100;

    public override async Task<CreateCourseResponse> CreateCourse(CreateCourseRequest request, ServerCallContext context)
    {
        validator.ValidateCreate(request);
        var stored = await courses.CreateAsync(request.Course.ToNewStoredCourse(clock.GetUtcNow()), request.RequestId);
        return new CreateCourseResponse { Course = stored.ToMessage() };
    }

    public override async Task<GetCourseResponse> GetCourse(GetCourseRequest request, ServerCallContext context)
    {
        var id = CourseNames.Course.Parse(request.Name, "name", errors)[0];
        var course = await courses.GetAsync(id) ?? throw errors.NotFound(CourseNames.Course.ResourceType, request.Name);
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

        var ids = request.Names.Select((name, index) => CourseNames.Course.Parse(name, $"names[{index}]", errors)[0]).ToList();
        var found = await courses.GetManyAsync(ids);
        var response = new BatchGetCoursesResponse();
        for (var i = 0; i < found.Count; i++)
        {
            var course = found[i] ?? throw errors.NotFound(CourseNames.Course.ResourceType, request.Names[i]);
            response.Courses.Add(course.ToMessage());
        }

        return response;
    }
}
