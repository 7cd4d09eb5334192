using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DemoData.Converging;
using CapacityBuilding.DemoData.Files;
using CapacityBuilding.DemoData.Lifecycle;
using Grpc.Net.Client;

namespace CapacityBuilding.DemoData;

/// <summary>
/// Creates the demo data through the public gRPC API, in dependency order: courses with their
/// sessions; the requests that name them, moved along their lifecycle as far as approval; donors
/// and their pledges, committed; allocations to the approved requests and disbursements from
/// them; the approved requests' results (outcomes and their indicators); the delivery steps,
/// which only funded requests take, and the suspensions; the experts, events and evaluations of their delivery
/// (<see cref="DeliveryDemoLoader"/>); the requesting states' consent to publish the requests the data
/// marks (<see cref="DemoConsents"/>); last the offers on approved and in-delivery requests,
/// answered by the requesting state when the loader has its focal point's channel (offers are
/// found again by their terms, since their expire time moves with the day of the load and so
/// would their request id's fingerprint). Every create carries the
/// request id <c>demo:{key}</c>, so the services return what an earlier run created (as it is now)
/// instead of creating a duplicate, and a record an earlier version of the demo created with other
/// content is found and updated or kept (<see cref="DemoRecords"/>); every transition starts from the state that answer reports
/// and applies only the steps still missing. Running the loader again is safe and completes an
/// interrupted run.
/// </summary>
/// <param name="focalPoints">Channels as member states' focal points, by ISO 3166-1 alpha-3 country: each answers the offers made to its country and consents to publishing its requests the data marks; a country without one is left out of both.</param>
public sealed class DemoDataLoader(GrpcChannel channel, TextWriter output, IReadOnlyDictionary<string, GrpcChannel>? focalPoints = null)
{
    private const string DonorNamePrefix = "donors/";

    private readonly AssistanceService.AssistanceServiceClient assistance = new(channel);
    private readonly FundingService.FundingServiceClient funding = new(channel);
    private readonly TrainingRecords trainingRecords = new(new TrainingService.TrainingServiceClient(channel));
    private readonly AssistanceRecords assistanceRecords = new(new AssistanceService.AssistanceServiceClient(channel));
    private readonly FundingRecords fundingRecords = new(new FundingService.FundingServiceClient(channel));
    private readonly DemoRecords records = new(output);
    private readonly RequestLifecycleDriver lifecycle = new(new AssistanceService.AssistanceServiceClient(channel));
    private readonly Dictionary<string, string> sessionNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> pledgeNames = new(StringComparer.Ordinal);

    public async Task<DemoLoadResult> LoadAsync(DemoDataSet data, CancellationToken cancellationToken)
    {
        var answering = (focalPoints ?? new Dictionary<string, GrpcChannel>())
            .ToDictionary(focalPoint => focalPoint.Key, focalPoint => new AssistanceService.AssistanceServiceClient(focalPoint.Value), StringComparer.Ordinal);
        await LoadConventionStatusesAsync(data.ConventionStatuses, cancellationToken);
        var courseNames = await LoadCoursesAsync(data.Courses, cancellationToken);
        var requests = await LoadRequestsAsync(data.Requests, courseNames, cancellationToken);
        var fundingDonorId = await LoadDonorsAsync(data.Donors, requests, cancellationToken);
        await ReportResultsAsync(data.Requests, requests, cancellationToken);
        await DeliverAsync(data.Requests, requests, cancellationToken);
        await new DeliveryDemoLoader(channel, output, records).LoadAsync(data.Delivery, requests, courseNames, cancellationToken);
        await new DemoConsents(answering, output).LoadAsync(data.Requests, requests, cancellationToken);
        await new DemoOffers(assistance, answering, records, output).LoadAsync(data.Offers, requests, sessionNames, pledgeNames, cancellationToken);
        await output.WriteLineAsync($"records an earlier version of the demo loaded with other content: {records.Converged} found and updated or kept");
        return new DemoLoadResult(fundingDonorId);
    }

    /// <summary>Sets each demo state's status toward the Convention (an upsert: running again changes nothing).</summary>
    private async Task LoadConventionStatusesAsync(IReadOnlyList<ConventionStatusEntry> statuses, CancellationToken cancellationToken)
    {
        foreach (var entry in statuses)
        {
            var request = new UpdateConventionStatusRequest
            {
                ConventionStatus = entry.ConventionStatus,
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "*" } },
                AllowMissing = true,
            };
            await GatewayCall.RunAsync(
                $"setting {entry.ConventionStatus.Name}", options => assistance.UpdateConventionStatusAsync(request, options).ResponseAsync, cancellationToken);
        }

        await output.WriteLineAsync($"convention statuses: {statuses.Count} loaded");
    }

    /// <returns>Each course's resource name by its key in the data files.</returns>
    private async Task<Dictionary<string, string>> LoadCoursesAsync(IReadOnlyList<CourseEntry> courses, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var sessionCount = 0;
        foreach (var entry in courses)
        {
            var course = await records.CreateAsync(trainingRecords.Course(entry.Key, entry.Course), cancellationToken);
            names[entry.Key] = course.Name;
            foreach (var session in entry.Sessions)
            {
                sessionNames[session.Key] = (await records.CreateAsync(trainingRecords.Session(session.Key, course.Name, session.Session), cancellationToken)).Name;
                sessionCount++;
            }
        }

        await output.WriteLineAsync($"courses: {names.Count} loaded");
        await output.WriteLineAsync($"sessions: {sessionCount} loaded");
        return names;
    }

    /// <returns>Each request as it stands after the steps up to approval, by its key in the data files.</returns>
    private async Task<Dictionary<string, AssistanceRequest>> LoadRequestsAsync(
        IReadOnlyList<AssistanceRequestEntry> requests, Dictionary<string, string> courseNames, CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<string, AssistanceRequest>(StringComparer.Ordinal);
        var stepCount = 0;
        foreach (var entry in requests)
        {
            var assistanceRequest = entry.AssistanceRequest.Clone();
            assistanceRequest.Courses.Add(entry.CourseKeys.Select(courseKey => courseNames[courseKey]));
            var current = await records.CreateAsync(assistanceRecords.Request(entry.Key, assistanceRequest), cancellationToken);
            var beforeFunding = (await StepsStillMissingAsync(entry, current)).TakeWhile(step => !LifecycleRoute.FollowsFunding(step)).ToList();
            loaded[entry.Key] = await lifecycle.ApplyAsync(entry, current, beforeFunding, cancellationToken);
            stepCount += beforeFunding.Count;
        }

        await output.WriteLineAsync($"requests: {requests.Count} loaded, {stepCount} lifecycle steps up to approval applied now");
        return loaded;
    }

    /// <returns>The id of the first donor whose pledges fund a request, or null when none does.</returns>
    private async Task<string?> LoadDonorsAsync(
        IReadOnlyList<DonorEntry> donors, Dictionary<string, AssistanceRequest> requests, CancellationToken cancellationToken)
    {
        var (pledgeCount, committedCount, commitsNow, allocationCount, disbursementCount, contributionCount) = (0, 0, 0, 0, 0, 0);
        string? fundingDonorId = null;
        foreach (var entry in donors)
        {
            var donor = await records.CreateAsync(fundingRecords.Donor(entry.Key, entry.Donor), cancellationToken);
            foreach (var pledgeEntry in entry.Pledges)
            {
                var pledge = await records.CreateAsync(fundingRecords.Pledge(pledgeEntry.Key, donor.Name, pledgeEntry.Pledge), cancellationToken);
                pledgeNames[pledgeEntry.Key] = pledge.Name;
                pledgeCount++;
                if (pledgeEntry.Committed)
                {
                    commitsNow += await CommitAsync(pledgeEntry.Key, pledge, cancellationToken) ? 1 : 0;
                    committedCount++;
                }

                foreach (var contributionEntry in pledgeEntry.Contributions ?? [])
                {
                    await ContributeAsync(contributionEntry, pledge, cancellationToken);
                    contributionCount++;
                }

                foreach (var allocationEntry in pledgeEntry.Allocations ?? [])
                {
                    var allocation = await AllocateAsync(allocationEntry, pledge, requests[allocationEntry.RequestKey], cancellationToken);
                    allocationCount++;
                    fundingDonorId ??= donor.Name[DonorNamePrefix.Length..];
                    foreach (var disbursementEntry in allocationEntry.Disbursements ?? [])
                    {
                        await DisburseAsync(disbursementEntry, allocation, cancellationToken);
                        disbursementCount++;
                    }
                }
            }
        }

        await output.WriteLineAsync($"donors: {donors.Count} loaded");
        await output.WriteLineAsync($"pledges: {pledgeCount} loaded, {committedCount} of them committed ({commitsNow} now)");
        await output.WriteLineAsync($"allocations: {allocationCount} loaded");
        await output.WriteLineAsync($"disbursements: {disbursementCount} loaded");
        await output.WriteLineAsync($"contributions: {contributionCount} loaded");
        return fundingDonorId;
    }

    /// <returns>Whether this call committed the pledge (false when an earlier run did).</returns>
    private async Task<bool> CommitAsync(string key, Pledge pledge, CancellationToken cancellationToken)
    {
        if (pledge.State == Pledge.Types.State.Committed)
        {
            return false;
        }

        var commit = new CommitPledgeRequest { Name = pledge.Name, Etag = pledge.Etag };
        await GatewayCall.RunAsync($"committing pledge '{key}' (now {pledge.State})",
            options => funding.CommitPledgeAsync(commit, options).ResponseAsync, cancellationToken);
        return true;
    }

    private async Task<Allocation> AllocateAsync(
        AllocationEntry entry, Pledge pledge, AssistanceRequest request, CancellationToken cancellationToken)
    {
        var allocation = entry.Allocation.Clone();
        allocation.Pledge = pledge.Name;
        allocation.AssistanceRequest = request.Name;
        return await records.CreateAsync(fundingRecords.Allocation(entry.Key, allocation), cancellationToken);
    }

    /// <summary>Money paid in; a reload replays the request id, so it is recorded once.</summary>
    private async Task ContributeAsync(ContributionEntry entry, Pledge pledge, CancellationToken cancellationToken)
    {
        await records.CreateAsync(fundingRecords.Contribution(entry.Key, pledge.Name, entry.Contribution), cancellationToken);
    }

    private async Task DisburseAsync(DisbursementEntry entry, Allocation allocation, CancellationToken cancellationToken)
    {
        var disbursement = entry.Disbursement.Clone();
        // Left out in the file: paid on the day of the allocation, so never before it, and the same
        // on every load: a reload replays the request id, which must carry the same payload.
        disbursement.DisbursementDate ??= DayOf(allocation.CreateTime.ToDateTime());
        await records.CreateAsync(fundingRecords.Disbursement(entry.Key, allocation.Name, disbursement), cancellationToken);
    }

    /// <summary>The requests' outcomes, once they are approved and before their delivery steps (a completion requires them).</summary>
    private async Task ReportResultsAsync(
        IReadOnlyList<AssistanceRequestEntry> entries, Dictionary<string, AssistanceRequest> requests, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            var request = requests[entry.Key];
            foreach (var outcomeEntry in entry.Outcomes ?? [])
            {
                var outcome = outcomeEntry.Outcome.Clone();
                foreach (var actual in outcome.Indicators.SelectMany(indicator => indicator.Actuals).Where(actual => actual.Date is null))
                {
                    actual.Date = DayOf(request.CreateTime.ToDateTime());
                }

                await records.CreateAsync(assistanceRecords.Outcome(outcomeEntry.Key, request.Name, outcome), cancellationToken);
                count++;
            }

            if (entry.Outcomes is { Count: > 0 })
            {
                // Each outcome is an entry of the request's history, which gave the request a new etag.
                var get = new GetAssistanceRequestRequest { Name = request.Name };
                requests[entry.Key] = (await GatewayCall.RunAsync($"reading request '{entry.Key}'",
                    options => assistance.GetAssistanceRequestAsync(get, options).ResponseAsync, cancellationToken)).AssistanceRequest;
            }
        }

        await output.WriteLineAsync($"outcomes: {count} loaded");
    }

    /// <summary>The steps after approval (delivery), now that the money is allocated; then what every request ended as.</summary>
    private async Task DeliverAsync(
        IReadOnlyList<AssistanceRequestEntry> entries, Dictionary<string, AssistanceRequest> requests, CancellationToken cancellationToken)
    {
        var stepCount = 0;
        foreach (var entry in entries)
        {
            var steps = await StepsStillMissingAsync(entry, requests[entry.Key]);
            requests[entry.Key] = await lifecycle.ApplyAsync(entry, requests[entry.Key], steps, cancellationToken);
            stepCount += steps.Count;
        }

        var states = requests.Values.GroupBy(request => request.State).OrderBy(group => group.Key).Select(group => $"{group.Key} {group.Count()}");
        await output.WriteLineAsync($"requests: {stepCount} delivery steps applied now; states: {string.Join(", ", states)}");
    }

    /// <summary>The route from the request's current state; empty, with a note, when someone moved it off the demo's route.</summary>
    private async Task<IReadOnlyList<LifecycleStep>> StepsStillMissingAsync(AssistanceRequestEntry entry, AssistanceRequest current)
    {
        if (LifecycleRoute.Remaining(current.State, entry.TargetState) is { } steps)
        {
            return steps;
        }

        await output.WriteLineAsync($"request '{entry.Key}' is {current.State}, which is not on the way to {entry.TargetState}: left as it is");
        return [];
    }

    private static Google.Type.Date DayOf(DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
