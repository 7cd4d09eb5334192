using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CapacityBuilding.DemoData.Lifecycle;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.DemoData.Files;

/// <summary>
/// Reads <c>courses.json</c>, <c>requests.json</c>, <c>donors.json</c>, <c>convention-statuses.json</c>, <c>offers.json</c> and <c>delivery.json</c> from one folder and
/// checks that they fit together, so a mistake in the files stops the loader before its first call.
/// </summary>
public static class DemoFiles
{
    public static DemoDataSet Read(string directory)
    {
        var data = new DemoDataSet(
            Read(directory, "courses.json", DemoJsonContext.Default.IReadOnlyListCourseEntry),
            Read(directory, "requests.json", DemoJsonContext.Default.IReadOnlyListAssistanceRequestEntry),
            Read(directory, "donors.json", DemoJsonContext.Default.IReadOnlyListDonorEntry),
            Read(directory, "convention-statuses.json", DemoJsonContext.Default.IReadOnlyListConventionStatusEntry),
            Read(directory, "offers.json", DemoJsonContext.Default.IReadOnlyListOfferEntry),
            Read(directory, "delivery.json", DemoJsonContext.Default.DeliveryData));
        EnsureCourseKeysExist(data);
        EnsureTargetStatesReachable(data);
        EnsureSuspensionsGiveReasons(data);
        EnsureAllocationsFundApprovedRequests(data);
        EnsureOutcomesOnApprovedRequests(data);
        DemoOfferChecks.EnsureOffersFit(data);
        EnsureEventsServeApprovedRequestsWithKnownExperts(data);
        return data;
    }

    private static T Read<T>(string directory, string fileName, JsonTypeInfo<T> typeInfo)
    {
        var path = Path.Combine(directory, fileName);
        try
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize(file, typeInfo) ?? throw new DemoDataException($"{path} holds null.");
        }
        catch (JsonException e)
        {
            throw new DemoDataException($"{path}, at {e.Path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DemoDataException($"cannot read {path}: {e.Message}", e);
        }
    }

    private static void EnsureCourseKeysExist(DemoDataSet data)
    {
        var courseKeys = data.Courses.Select(course => course.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var request in data.Requests)
        {
            var unknown = request.CourseKeys.FirstOrDefault(key => !courseKeys.Contains(key));
            if (unknown is not null)
            {
                throw new DemoDataException($"request '{request.Key}' names course '{unknown}', which courses.json does not define.");
            }
        }
    }

    private static void EnsureTargetStatesReachable(DemoDataSet data)
    {
        var unreachable = data.Requests.FirstOrDefault(request => !LifecycleRoute.CanReach(request.TargetState));
        if (unreachable is not null)
        {
            throw new DemoDataException($"request '{unreachable.Key}' has targetState {unreachable.TargetState}, which the demo cannot reach.");
        }
    }

    /// <summary>A suspension is explained with its own reason (the entry's <c>reason</c> is the approval's), shown on the request's history.</summary>
    private static void EnsureSuspensionsGiveReasons(DemoDataSet data)
    {
        var unexplained = data.Requests.FirstOrDefault(request => request.TargetState == State.Suspended && string.IsNullOrWhiteSpace(request.SuspensionReason));
        if (unexplained is not null)
        {
            throw new DemoDataException($"request '{unexplained.Key}' is suspended without a suspensionReason.");
        }
    }

    /// <summary>Money goes only to approved requests, so every allocation's request must pass approval on its way.</summary>
    private static void EnsureAllocationsFundApprovedRequests(DemoDataSet data)
    {
        var requests = data.Requests.ToDictionary(request => request.Key, StringComparer.Ordinal);
        var allocations = data.Donors.SelectMany(donor => donor.Pledges).SelectMany(pledge => pledge.Allocations ?? []);
        foreach (var allocation in allocations)
        {
            if (!requests.TryGetValue(allocation.RequestKey, out var request))
            {
                throw new DemoDataException($"allocation '{allocation.Key}' names request '{allocation.RequestKey}', which requests.json does not define.");
            }

            if (!LifecycleRoute.PassesApproval(request.TargetState))
            {
                throw new DemoDataException(
                    $"allocation '{allocation.Key}' funds request '{allocation.RequestKey}', whose targetState {request.TargetState} is never approved.");
            }
        }
    }

    /// <summary>Results are reported once a request is approved (its actuals measured during delivery), so a request with outcomes must pass approval on its way.</summary>
    private static void EnsureOutcomesOnApprovedRequests(DemoDataSet data)
    {
        var unapproved = data.Requests.FirstOrDefault(request => request.Outcomes is { Count: > 0 } && !LifecycleRoute.PassesApproval(request.TargetState));
        if (unapproved is not null)
        {
            throw new DemoDataException(
                $"request '{unapproved.Key}' reports outcomes, but its targetState {unapproved.TargetState} is never approved.");
        }
    }

    /// <summary>
    /// Events serve approved requests and name experts of the file; an expert evaluates only an
    /// event it is on. Delivered sessions belong to courses of the file, serve approved requests and
    /// are evaluated by experts and enrolments of the file.
    /// </summary>
    private static void EnsureEventsServeApprovedRequestsWithKnownExperts(DemoDataSet data)
    {
        var requests = data.Requests.ToDictionary(request => request.Key, StringComparer.Ordinal);
        var experts = data.Delivery.Experts.Select(expert => expert.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var deliveryEvent in data.Delivery.Events)
        {
            if (!requests.TryGetValue(deliveryEvent.RequestKey, out var request) || !LifecycleRoute.PassesApproval(request.TargetState))
            {
                throw new DemoDataException($"event '{deliveryEvent.Key}' serves request '{deliveryEvent.RequestKey}', which requests.json does not define as approved.");
            }

            if (deliveryEvent.ExpertKeys.FirstOrDefault(key => !experts.Contains(key)) is { } unknown)
            {
                throw new DemoDataException($"event '{deliveryEvent.Key}' names expert '{unknown}', which delivery.json does not define.");
            }

            if (deliveryEvent.Evaluations.FirstOrDefault(evaluation => evaluation.ExpertKey is { } key && !deliveryEvent.ExpertKeys.Contains(key)) is { } stray)
            {
                throw new DemoDataException($"evaluation '{stray.Key}' is by expert '{stray.ExpertKey}', who is not on event '{deliveryEvent.Key}'.");
            }
        }

        var courses = data.Courses.Select(course => course.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var session in data.Delivery.Sessions ?? [])
        {
            if (!courses.Contains(session.CourseKey) || !requests.TryGetValue(session.RequestKey, out var request) || !LifecycleRoute.PassesApproval(request.TargetState))
            {
                throw new DemoDataException($"session '{session.Key}' needs course '{session.CourseKey}' of courses.json and an approved request '{session.RequestKey}' of requests.json.");
            }

            var enrolments = session.Enrolments.Select(enrolment => enrolment.Key).ToHashSet(StringComparer.Ordinal);
            if (session.Evaluations.FirstOrDefault(evaluation => (evaluation.ExpertKey is { } expert && !experts.Contains(expert))
                || (evaluation.EnrolmentKey is { } enrolment && !enrolments.Contains(enrolment))) is { } stray)
            {
                throw new DemoDataException($"evaluation '{stray.Key}' of session '{session.Key}' names an expert or enrolment that delivery.json does not define.");
            }
        }
    }
}
