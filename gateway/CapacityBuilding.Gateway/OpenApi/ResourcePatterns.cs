using Google.Api;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// Names for the wildcards of resource names in REST paths, from the resources' own
/// <c>google.api.resource</c> patterns: <c>{name=donors/*/pledges/*}</c> becomes
/// <c>/donors/{donor}/pledges/{pledge}</c>. OpenAPI path parameters cannot span segments, and a
/// client fills in ids, not whole names.
/// </summary>
public sealed class ResourcePatterns
{
    private readonly Dictionary<string, string[]> namesByWildcards = new(StringComparer.Ordinal);

    public ResourcePatterns(IEnumerable<FileDescriptor> files)
    {
        foreach (var message in files.SelectMany(file => file.MessageTypes).SelectMany(Nested))
        {
            var resource = message.GetOptions()?.GetExtension(ResourceExtensions.Resource);
            foreach (var pattern in resource?.Pattern ?? [])
            {
                var segments = pattern.Split('/');
                var wildcards = string.Join('/', segments.Select(segment => IsVariable(segment) ? "*" : segment));
                namesByWildcards.TryAdd(wildcards, [.. segments.Where(IsVariable).Select(segment => JsonNames.LowerCamel(segment[1..^1]))]);
            }
        }
    }

    /// <summary>The parameter names of <paramref name="wildcards"/> (e.g. <c>donors/*/pledges/*</c>), one per <c>*</c>.</summary>
    public IReadOnlyList<string> NamesOf(string wildcards)
    {
        if (namesByWildcards.TryGetValue(wildcards, out var names))
        {
            return names;
        }

        // Not a declared resource: name each wildcard after the collection before it.
        var segments = wildcards.Split('/');
        return [.. segments.Select((segment, index) => (segment, index)).Where(pair => pair.segment is "*" or "**")
            .Select(pair => pair.index > 0 ? Singular(segments[pair.index - 1]) : "segment")];
    }

    private static bool IsVariable(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private static string Singular(string collection) =>
        collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y"
        : collection.EndsWith('s') ? collection[..^1]
        : collection + "Id";

    private static IEnumerable<MessageDescriptor> Nested(MessageDescriptor message) =>
        new[] { message }.Concat(message.NestedTypes.SelectMany(Nested));
}
