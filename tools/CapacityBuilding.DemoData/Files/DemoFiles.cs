using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CapacityBuilding.DemoData.Lifecycle;

namespace CapacityBuilding.DemoData.Files;

/// <summary>
/// Reads <c>courses.json</c>, <c>requests.json</c>, <c>donors.json</c>, <c>offers.json</c> and <c>convention-statuses.json</c> from one folder and
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
            Read(directory, "offers.json", DemoJsonContext.Default.IReadOnlyListOfferEntry),
            Read(directory, "convention-statuses.json", DemoJsonContext.Default.IReadOnlyListConventionStatusEntry));
        EnsureCourseKeysExist(data);
        EnsureTargetStatesReachable(data);
        EnsureAllocationsFundApprovedRequests(data);
        DemoOfferChecks.EnsureOffersFit(data);
        return data;
    }

    private static IReadOnlyList<TEntry> Read<TEntry>(string directory, string fileName, JsonTypeInfo<IReadOnlyList<TEntry>> typeInfo)
    {
        var path = Path.Combine(directory, fileName);
        try
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize(file, typeInfo) ?? throw new DemoDataException($"{path} holds null instead of a list.");
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
}
