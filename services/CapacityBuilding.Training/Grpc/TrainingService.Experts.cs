using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Experts;
using CapacityBuilding.Training.Domain.Matching;
using Grpc.Core;

namespace CapacityBuilding.Training.Grpc;

public sealed partial class TrainingService
{
    private const string ExpertListScope = "experts";

    public override async Task<CreateExpertResponse> CreateExpert(CreateExpertRequest request, ServerCallContext context)
    {
        expertValidator.EnsureValid(request, errors);
        // Only coordinators create experts and read every one of them: a replay needs no row-level check.
        var stored = await experts.CreateAsync(request.Expert.ToNewStoredExpert(clock.GetUtcNow()), IdempotentCreate.Of(context.GetCaller(), request));
        return new CreateExpertResponse { Expert = stored.ToMessage() };
    }

    public override async Task<GetExpertResponse> GetExpert(GetExpertRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var expert = await ExistingExpertAsync(request.Name, "name");
        // A member state sees an expert only once booked on an event of its own requests; any other
        // expert answers as one that does not exist, so the roster cannot be probed.
        if (caller.Role == CallerRole.MemberState && !ExpertVisibility.IsVisibleTo(caller, (await experts.BookingsAsync([expert.Id]))[0]))
        {
            throw errors.NotFound(CourseNames.Expert.ResourceType, request.Name);
        }

        return new GetExpertResponse { Expert = ExpertVisibility.Redact(caller, expert.ToMessage()) };
    }

    public override async Task<ListExpertsResponse> ListExperts(ListExpertsRequest request, ServerCallContext context)
    {
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var afterId = pageTokens.Decode(request.PageToken, ExpertListScope);
        var (items, lastId) = await experts.ListAsync(pageSize, afterId);
        return new ListExpertsResponse
        {
            Experts = { items.Select(expert => expert.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, ExpertListScope),
        };
    }

    public override async Task<UpdateExpertResponse> UpdateExpert(UpdateExpertRequest request, ServerCallContext context)
    {
        if (request.Expert is null)
        {
            throw errors.InvalidArgument("expert", "is required.");
        }

        var current = await ExistingExpertAsync(request.Expert.Name, "expert.name");
        var violations = new FieldViolations();
        var mask = ExpertMessages.UpdatableFields.Resolve(request.UpdateMask, request.Expert, violations);
        var updated = ExpertMessages.UpdatableFields.Merge(mask, current.ToMessage(), request.Expert);
        expertValidator.ValidateUpdated(violations, updated);
        if (Etags.IsStale(request.Expert.Etag, current.Etag))
        {
            throw errors.StaleEtag(request.Expert.Name);
        }

        return await experts.ReplaceAsync(current, updated.ToUpdatedStoredExpert(current, clock.GetUtcNow())) switch
        {
            ReplaceOutcome<StoredExpert>.Replaced replaced => new UpdateExpertResponse { Expert = replaced.Document.ToMessage() },
            ReplaceOutcome<StoredExpert>.NotFound => throw errors.NotFound(CourseNames.Expert.ResourceType, request.Expert.Name),
            _ => throw errors.StaleEtag(request.Expert.Name),
        };
    }

    public override async Task<MatchExpertsResponse> MatchExperts(MatchExpertsRequest request, ServerCallContext context)
    {
        var criteria = expertMatchValidator.Validate(request);
        var ids = await experts.IdsKnowingAsync(criteria.Themes);
        var candidates = (await experts.GetManyAsync(ids)).OfType<StoredExpert>().ToList();
        var bookings = await experts.BookingsAsync([.. candidates.Select(expert => expert.Id)]);
        var ranked = candidates
            .Select((expert, index) => ExpertRanking.Score(criteria, expert, bookings[index]))
            .OrderByDescending(match => match.Match.Score)
            .ThenByDescending(match => match.ThemesKnown)
            .ThenByDescending(match => match.Match.Expert, StringComparer.Ordinal)
            .Take(criteria.MaxResults)
            .Select(match => match.Match);
        return new MatchExpertsResponse { Matches = { ranked } };
    }

    private async Task<StoredExpert> ExistingExpertAsync(string name, string field)
    {
        var id = CourseNames.Expert.Parse(name, field, errors).ExpertId;
        return await experts.GetAsync(id) ?? throw errors.NotFound(CourseNames.Expert.ResourceType, name);
    }
}
