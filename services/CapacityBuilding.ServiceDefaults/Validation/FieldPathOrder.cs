using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>Orders AIP-193 field paths (<c>pledge.earmarks.regions[1]</c>) as their fields are declared.</summary>
internal static partial class FieldPathOrder
{
    public static readonly IComparer<int[]> Comparer = Comparer<int[]>.Create(Compare);

    /// <summary>
    /// Whether the request's own field is a message (the request's names and keys come before the
    /// resource it carries), then the declaration index of each segment, the list index after a
    /// repeated one, and a last element that sorts a path after every longer path under it. A name
    /// the descriptor does not know sorts last.
    /// </summary>
    public static int[] KeyOf(MessageDescriptor message, string path)
    {
        var topLevel = message.FindFieldByName(Segment().Match(path).Groups["name"].Value);
        var key = new List<int> { topLevel?.FieldType == FieldType.Message ? 1 : 0 };
        MessageDescriptor? current = message;
        foreach (Match segment in Segment().Matches(path))
        {
            var field = current?.FindFieldByName(segment.Groups["name"].Value);
            key.Add(field?.Index ?? int.MaxValue);
            if (segment.Groups["index"].Success)
            {
                key.Add(int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            current = field?.FieldType == FieldType.Message ? field.MessageType : null;
        }

        key.Add(int.MaxValue);
        return [.. key];
    }

    private static int Compare(int[]? left, int[]? right)
    {
        left ??= [];
        right ??= [];
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return left[i].CompareTo(right[i]);
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    [GeneratedRegex(@"(?<name>[a-z0-9_]+)(\[(?<index>\d+)\])?")]
    private static partial Regex Segment();
}
