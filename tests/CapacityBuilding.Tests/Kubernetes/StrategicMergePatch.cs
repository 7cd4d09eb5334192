using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Kubernetes' strategic merge patch as far as k8s/ uses it: maps merge key by key, a null
/// deletes, and lists whose items all have a <c>name</c> (containers, env, volumes, volume
/// claim templates) merge item by item on it; any other list is replaced.
/// </summary>
internal static class StrategicMergePatch
{
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                Apply(targetObject, patchObject);
            }
            else if (value is JsonArray patchList && target[key] is JsonArray targetList && IsNamedList(patchList) && IsNamedList(targetList))
            {
                MergeByName(targetList, patchList);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static bool IsNamedList(JsonArray list) =>
        list.All(item => item is JsonObject entry && (entry["name"] ?? entry["metadata"]?["name"]) is not null);

    private static string NameOf(JsonNode item) => (item["name"] ?? item["metadata"]!["name"])!.GetValue<string>();

    private static void MergeByName(JsonArray target, JsonArray patch)
    {
        foreach (var item in patch)
        {
            var existing = target.FirstOrDefault(candidate => NameOf(candidate!) == NameOf(item!));
            if (existing is null)
            {
                target.Add(item!.DeepClone());
            }
            else
            {
                Apply(existing.AsObject(), item!.AsObject());
            }
        }
    }
}
