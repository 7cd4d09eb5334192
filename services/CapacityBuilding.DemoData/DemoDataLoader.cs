using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DemoData.Files;
using Grpc.Core;
using Grpc.Net.Client;

namespace CapacityBuilding.DemoData;

/// <summary>
/// Creates the demo data through the public gRPC API, in dependency order: courses with their
/// sessions, then the requests that name them, then donors and their pledges. Every create carries the request id
/// <c>demo:{key}</c>, so the services return what an earlier run created instead of creating a
/// duplicate: running the loader again is safe and completes an interrupted run.
/// </summary>
public sealed class DemoDataLoader(GrpcChannel channel, TextWriter output)
{
    private const string RequestIdPrefix = "demo:";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly TrainingService.TrainingServiceClient training = new(channel);
    private readonly AssistanceService.AssistanceServiceClient assistance = new(channel);
    private readonly FundingService.FundingServiceClient funding = new(channel);

    public async Task LoadAsync(DemoDataSet data, CancellationToken cancellationToken)
    {
        var courseNames = await LoadCoursesAsync(data.Courses, cancellationToken);
        await LoadRequestsAsync(data.Requests, courseNames, cancellationToken);
        await LoadDonorsAsync(data.Donors, cancellationToken);
    }

    /// <returns>Each course's resource name by its key in the data files.</returns>
    private async Task<Dictionary<string, string>> LoadCoursesAsync(IReadOnlyList<CourseEntry> courses, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var sessionCount = 0;
        foreach (var entry in courses)
        {
            var request = new CreateCourseRequest { Course = entry.Course, RequestId = RequestIdPrefix + entry.Key };
            var response = await CallAsync("course", entry.Key, options => training.CreateCourseAsync(request, options), cancellationToken);
            names[entry.Key] = response.Course.Name;
            foreach (var session in entry.Sessions)
            {
                var sessionRequest = new CreateSessionRequest { Parent = response.Course.Name, Session = session.Session, RequestId = RequestIdPrefix + session.Key };
                await CallAsync("session", session.Key, options => training.CreateSessionAsync(sessionRequest, options), cancellationToken);
                sessionCount++;
            }
        }

        await output.WriteLineAsync($"courses: {names.Count} loaded");
        await output.WriteLineAsync($"sessions: {sessionCount} loaded");
        return names;
    }

    private async Task LoadRequestsAsync(
        IReadOnlyList<AssistanceRequestEntry> requests, Dictionary<string, string> courseNames, CancellationToken cancellationToken)
    {
        foreach (var entry in requests)
        {
            var assistanceRequest = entry.AssistanceRequest.Clone();
            assistanceRequest.Courses.Add(entry.CourseKeys.Select(courseKey => courseNames[courseKey]));
            var request = new CreateAssistanceRequestRequest { AssistanceRequest = assistanceRequest, RequestId = RequestIdPrefix + entry.Key };
            await CallAsync("request", entry.Key, options => assistance.CreateAssistanceRequestAsync(request, options), cancellationToken);
        }

        await output.WriteLineAsync($"requests: {requests.Count} loaded");
    }

    private async Task LoadDonorsAsync(IReadOnlyList<DonorEntry> donors, CancellationToken cancellationToken)
    {
        var pledgeCount = 0;
        foreach (var entry in donors)
        {
            var donorRequest = new CreateDonorRequest { Donor = entry.Donor, RequestId = RequestIdPrefix + entry.Key };
            var donor = (await CallAsync("donor", entry.Key, options => funding.CreateDonorAsync(donorRequest, options), cancellationToken)).Donor;
            foreach (var pledge in entry.Pledges)
            {
                var pledgeRequest = new CreatePledgeRequest { Parent = donor.Name, Pledge = pledge.Pledge, RequestId = RequestIdPrefix + pledge.Key };
                await CallAsync("pledge", pledge.Key, options => funding.CreatePledgeAsync(pledgeRequest, options), cancellationToken);
                pledgeCount++;
            }
        }

        await output.WriteLineAsync($"donors: {donors.Count} loaded");
        await output.WriteLineAsync($"pledges: {pledgeCount} loaded");
    }

    /// <summary>One call with a deadline; a refusal becomes a message that names the entry.</summary>
    private static async Task<TResponse> CallAsync<TResponse>(
        string kind, string key, Func<CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(new CallOptions(deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new DemoDataException($"creating {kind} '{key}' failed: {e.StatusCode}: {e.Status.Detail}", e);
        }
    }
}
