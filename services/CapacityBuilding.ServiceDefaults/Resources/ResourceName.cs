using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.ServiceDefaults.Resources;

/// <summary>
/// A resource name pattern such as <c>donors/{donor}/pledges/{pledge}</c> (AIP-122): parses
/// names into their ids and formats ids into names.
/// </summary>
public sealed class ResourceName
{
    private readonly string[] collections;

    public ResourceName(string resourceType, string pattern)
    {
        ResourceType = resourceType;
        Pattern = pattern;
        collections = [.. pattern.Split('/').Where((_, index) => index % 2 == 0)];
    }

    /// <summary>The resource type as callers see it in errors, e.g. <c>AssistanceRequest</c>.</summary>
    public string ResourceType { get; }

    public string Pattern { get; }

    public string Format(params string[] ids) =>
        string.Join('/', collections.Zip(ids, (collection, id) => $"{collection}/{id}"));

    /// <summary>The ids in the name, or null when it does not follow the pattern.</summary>
    public string[]? TryParse(string name)
    {
        var segments = name.Split('/');
        if (segments.Length != collections.Length * 2)
        {
            return null;
        }

        var ids = new string[collections.Length];
        for (var i = 0; i < collections.Length; i++)
        {
            if (segments[2 * i] != collections[i] || !ResourceIds.IsWellFormed(segments[(2 * i) + 1]))
            {
                return null;
            }

            ids[i] = segments[(2 * i) + 1];
        }

        return ids;
    }

    /// <summary>The ids in the name; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public string[] Parse(string name, string field, ApiErrors errors) =>
        TryParse(name) ?? throw errors.InvalidArgument(field, $"must be a resource name of the form {Pattern}.");
}
