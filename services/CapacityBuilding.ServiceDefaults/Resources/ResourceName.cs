using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.ServiceDefaults.Resources;

/// <summary>
/// A resource name pattern such as <c>donors/{donor}/pledges/{pledge}</c> (AIP-122), read once:
/// parses names into <typeparamref name="TName"/>, a record with a named part per id (e.g.
/// <c>PledgeName(DonorId, PledgeId)</c>), and formats ids into names.
/// </summary>
/// <param name="fromIds">Makes the record from the ids in the order the pattern names them.</param>
public sealed class ResourceName<TName>(string resourceType, string pattern, Func<string[], TName> fromIds)
    where TName : class
{
    private readonly string[] collections = [.. pattern.Split('/').Where((_, index) => index % 2 == 0)];

    /// <summary>The resource type as callers see it in errors, e.g. <c>AssistanceRequest</c>.</summary>
    public string ResourceType { get; } = resourceType;

    public string Pattern { get; } = pattern;

    public string Format(params string[] ids) =>
        string.Join('/', collections.Zip(ids, (collection, id) => $"{collection}/{id}"));

    /// <summary>The name's parts, or null when it does not follow the pattern.</summary>
    public TName? TryParse(string name)
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

        return fromIds(ids);
    }

    /// <summary>The name's parts; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public TName Parse(string name, string field, ApiErrors errors) =>
        TryParse(name) ?? throw errors.InvalidArgument(field, $"must be a resource name of the form {Pattern}.");
}
