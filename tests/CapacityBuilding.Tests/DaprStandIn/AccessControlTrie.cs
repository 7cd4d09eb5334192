namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// The operations of one access-control policy, matched as daprd matches them: a port of
/// dapr/dapr <c>pkg/config/acl_trie.go</c> (v1.16.19, commit 035274a88581a52198d6cce9649e436e1c10b00a).
/// An operation is split at <c>/</c>; a segment <c>/*</c> matches exactly one segment (or the
/// rest, when it is the last segment of the operation being matched), <c>/**</c> matches
/// everything below it, and <c>*</c> inside a segment matches any characters of that segment
/// only. The first operation stored for a path wins, as in daprd.
/// </summary>
internal sealed class AccessControlTrie
{
    private const string SingleStageWildcard = "/*";
    private const string MultiStageWildcard = "/**";
    private const char Separation = '/';

    private readonly Node root = new("/", null);

    public void Put(string operation, string action)
    {
        var parts = operation.Split(Separation);
        var node = root;
        for (var index = 1; index < parts.Length; index++)
        {
            var segment = Separation + parts[index];
            var isLast = index == parts.Length - 1;
            var existing = node.Children.FirstOrDefault(child => child.Segment == segment);
            if (existing is null)
            {
                var added = new Node(segment, isLast ? action : null);
                node.Children.Add(added);
                node = added;
            }
            else if (isLast)
            {
                existing.Action ??= action;
            }
            else
            {
                node = existing;
            }
        }
    }

    /// <summary>The action of the operation that matches, or null when none does.</summary>
    public string? Search(string operation)
    {
        var parts = operation.Split(Separation);
        var node = root;
        for (var index = 1; index < parts.Length; index++)
        {
            var isEnd = index == parts.Length - 1;
            node = FindChild(node, Separation + parts[index], isEnd);
            if (node is null)
            {
                return null;
            }

            if (node.Action is not null)
            {
                if (!isEnd && node.Segment.EndsWith(SingleStageWildcard, StringComparison.Ordinal) && !node.Segment.EndsWith(MultiStageWildcard, StringComparison.Ordinal))
                {
                    continue;
                }

                return node.Action;
            }

            if (isEnd)
            {
                return FindChild(node, SingleStageWildcard, isEnd)?.Action;
            }
        }

        return null;
    }

    private static Node? FindChild(Node node, string segment, bool isEnd)
    {
        foreach (var child in node.Children)
        {
            if (child.Segment == segment)
            {
                return child;
            }

            if (child.Segment == SingleStageWildcard)
            {
                if (isEnd)
                {
                    return child;
                }

                continue;
            }

            if (child.Segment == MultiStageWildcard || IsMatch(segment, child.Segment))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>daprd's <c>isMatch</c>: <c>*</c> matches any run of characters, none included.</summary>
    private static bool IsMatch(string target, string pattern)
    {
        var matches = new bool[target.Length + 1, pattern.Length + 1];
        matches[0, 0] = true;
        for (var j = 1; j <= pattern.Length && pattern[j - 1] == '*'; j++)
        {
            matches[0, j] = true;
        }

        for (var i = 1; i <= target.Length; i++)
        {
            for (var j = 1; j <= pattern.Length; j++)
            {
                matches[i, j] = pattern[j - 1] == '*'
                    ? matches[i, j - 1] || matches[i - 1, j]
                    : target[i - 1] == pattern[j - 1] && matches[i - 1, j - 1];
            }
        }

        return matches[target.Length, pattern.Length];
    }

    private sealed class Node(string segment, string? action)
    {
        public string Segment { get; } = segment;

        public string? Action { get; set; } = action;

        public List<Node> Children { get; } = [];
    }
}
