using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CapacityBuilding.DemoData.Files;

/// <summary>
/// Reads <c>courses.json</c>, <c>requests.json</c> and <c>donors.json</c> from one folder and
/// checks that they fit together, so a mistake in the files stops the loader before its first call.
/// </summary>
public static class DemoFiles
{
    public static DemoDataSet Read(string directory)
    {
        var data = new DemoDataSet(
            Read(directory, "courses.json", DemoJsonContext.Default.IReadOnlyListCourseEntry),
            Read(directory, "requests.json", DemoJsonContext.Default.IReadOnlyListAssistanceRequestEntry),
            Read(directory, "donors.json", DemoJsonContext.Default.IReadOnlyListDonorEntry));
        EnsureCourseKeysExist(data);
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
}
