using System.Collections;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Validation;

/// <summary>
/// Reads an AIP-134 update mask into the set of fields to change. <c>*</c> means every updatable
/// field; an empty mask means every updatable field set (not empty, not zero) in the message.
/// Paths outside the updatable fields are reported as <c>update_mask.paths[i]</c>.
/// </summary>
internal static class UpdateMasks
{
    public static IReadOnlySet<string> Resolve(FieldMask? mask, IMessage message, IReadOnlyList<string> updatable, FieldViolations violations)
    {
        var paths = mask?.Paths ?? [];
        if (paths.Count == 0)
        {
            return updatable.Where(path => IsSet(message, path)).ToHashSet(StringComparer.Ordinal);
        }

        if (paths is ["*"])
        {
            return updatable.ToHashSet(StringComparer.Ordinal);
        }

        var resolved = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            if (updatable.Contains(paths[i], StringComparer.Ordinal))
            {
                resolved.Add(paths[i]);
            }
            else
            {
                violations.Add($"update_mask.paths[{i}]", $"'{paths[i]}' cannot be updated; updatable: {string.Join(", ", updatable)}, or *.");
            }
        }

        return resolved;
    }

    private static bool IsSet(IMessage message, string path)
    {
        var field = message.Descriptor.FindFieldByName(path);
        var value = field.Accessor.GetValue(message);
        return value switch
        {
            null => false,
            IList list => list.Count > 0,
            string text => text.Length > 0,
            int number => number != 0,
            long number => number != 0,
            bool flag => flag,
            System.Enum enumValue => Convert.ToInt32(enumValue, System.Globalization.CultureInfo.InvariantCulture) != 0,
            _ => true,
        };
    }
}
