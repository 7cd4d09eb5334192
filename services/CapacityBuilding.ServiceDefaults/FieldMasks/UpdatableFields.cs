using System.Collections;
using System.Globalization;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.ServiceDefaults.FieldMasks;

/// <summary>
/// The fields of one resource an update (AIP-134) may change, and the one way every service
/// reads an update mask and applies it. <see cref="Resolve"/> turns the mask the caller sent
/// into the paths to change: an empty mask means the updatable fields the caller set (not
/// empty, not zero), <c>*</c> means every updatable field, and any other path outside them is a
/// violation of <c>update_mask.paths[i]</c>. <see cref="Merge"/> then applies those paths onto
/// the current resource with Google.Protobuf's <see cref="FieldMask.Merge(IMessage, IMessage, FieldMask.MergeOptions)"/>, replacing rather
/// than merging messages and lists, and copying zero values too, as AIP-134 asks: a field in the
/// mask ends up exactly as the caller sent it.
/// </summary>
/// <typeparam name="T">The resource message.</typeparam>
public sealed class UpdatableFields<T>
    where T : IMessage<T>, new()
{
    private static readonly FieldMask.MergeOptions ReplaceOptions = new()
    {
        ReplaceMessageFields = true,
        ReplaceRepeatedFields = true,
        ReplacePrimitiveFields = true,
    };

    private readonly IReadOnlyList<string> paths;
    private readonly bool subfields;
    private readonly Func<string, string> rejection;

    /// <param name="paths">The top-level fields an update may change, as mask paths.</param>
    /// <param name="subfields">Whether a path may also name a field inside one of them (<c>focal_point.email</c>).</param>
    /// <param name="rejection">The violation's description for a path that may not be changed;
    /// by default it lists the updatable fields.</param>
    public UpdatableFields(IReadOnlyList<string> paths, bool subfields = false, Func<string, string>? rejection = null)
    {
        this.paths = paths;
        this.subfields = subfields;
        this.rejection = rejection ?? (path => $"'{path}' cannot be updated; updatable: {string.Join(", ", paths)}, or *.");
    }

    /// <summary>The paths to change; every path that may not be changed is added to <paramref name="violations"/>.</summary>
    public FieldMask Resolve(FieldMask? mask, T changes, FieldViolations violations)
    {
        var requested = mask?.Paths ?? [];
        if (requested.Count == 0)
        {
            return new FieldMask { Paths = { paths.Where(path => IsSet(changes, path)) } };
        }

        if (requested is ["*"])
        {
            return new FieldMask { Paths = { paths } };
        }

        var resolved = new FieldMask();
        for (var i = 0; i < requested.Count; i++)
        {
            if (!IsUpdatable(requested[i]))
            {
                violations.Add($"update_mask.paths[{i}]", rejection(requested[i]));
            }
            else if (!resolved.Paths.Contains(requested[i]))
            {
                resolved.Paths.Add(requested[i]);
            }
        }

        return resolved;
    }

    /// <summary>A copy of <paramref name="current"/> with the fields of <paramref name="resolved"/> taken from <paramref name="changes"/>.</summary>
    public T Merge(FieldMask resolved, T current, T changes)
    {
        var merged = current.Clone();
        resolved.Merge(changes, merged, ReplaceOptions);
        return merged;
    }

    private bool IsUpdatable(string path)
    {
        if (paths.Contains(path, StringComparer.Ordinal))
        {
            return true;
        }

        return subfields
            && paths.Contains(path.Split('.')[0], StringComparer.Ordinal)
            && FieldMask.IsValid<T>(new FieldMask { Paths = { path } });
    }

    private static bool IsSet(T message, string path)
    {
        var value = message.Descriptor.FindFieldByName(path).Accessor.GetValue(message);
        return value switch
        {
            null => false,
            IList list => list.Count > 0,
            string text => text.Length > 0,
            int number => number != 0,
            long number => number != 0,
            bool flag => flag,
            System.Enum enumValue => Convert.ToInt32(enumValue, CultureInfo.InvariantCulture) != 0,
            _ => true,
        };
    }
}
