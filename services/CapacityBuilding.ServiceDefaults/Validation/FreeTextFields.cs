using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Applies <see cref="FreeText"/> to every string of a request: its own string fields, repeated
/// strings and the strings of the messages it carries, identifiers included (they are parsed
/// afterwards, and a name with a control character in it is as wrong as a title). Accepted strings
/// are rewritten in place to what is to be stored, so that no handler sees un-normalised text.
/// Which fields can hold text is worked out once per message type.
/// </summary>
public sealed class FreeTextFields
{
    private readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> textFields = new();

    /// <summary>Every string of <paramref name="message"/> that is refused, as AIP-193 field paths; the others normalised.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> Normalise(IMessage message)
    {
        List<BadRequest.Types.FieldViolation>? violations = null;
        Walk(message, "", ref violations);
        return violations ?? [];
    }

    private void Walk(IMessage message, string prefix, ref List<BadRequest.Types.FieldViolation>? violations)
    {
        foreach (var field in textFields.GetOrAdd(message.Descriptor, FieldsHoldingText))
        {
            var value = field.Accessor.GetValue(message);
            switch (value)
            {
                case string text:
                    if (Accept(text, prefix + field.Name, ref violations) is { } accepted && !ReferenceEquals(accepted, text))
                    {
                        field.Accessor.SetValue(message, accepted);
                    }

                    break;
                case IMessage nested:
                    Walk(nested, $"{prefix}{field.Name}.", ref violations);
                    break;
                case IList items:
                    WalkRepeated(items, $"{prefix}{field.Name}", ref violations);
                    break;
            }
        }
    }

    private void WalkRepeated(IList items, string path, ref List<BadRequest.Types.FieldViolation>? violations)
    {
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case string text:
                    if (Accept(text, $"{path}[{i}]", ref violations) is { } accepted && !ReferenceEquals(accepted, text))
                    {
                        items[i] = accepted;
                    }

                    break;
                case IMessage nested:
                    Walk(nested, $"{path}[{i}].", ref violations);
                    break;
            }
        }
    }

    private static string? Accept(string text, string path, ref List<BadRequest.Types.FieldViolation>? violations)
    {
        var accepted = FreeText.Accept(text, out var problem);
        if (problem is not null)
        {
            (violations ??= []).Add(new BadRequest.Types.FieldViolation { Field = path, Description = problem });
        }

        return accepted;
    }

    // String fields, and message fields whose type can hold a string somewhere below it. Maps are
    // left out: no request carries one (FreeTextFieldsTests holds every request to that).
    private static FieldDescriptor[] FieldsHoldingText(MessageDescriptor message) =>
        [.. message.Fields.InDeclarationOrder().Where(field => !field.IsMap && field.FieldType switch
        {
            FieldType.String => true,
            FieldType.Message => CanHoldText(field.MessageType),
            _ => false,
        })];

    // A search over the message types reachable from this one, since types may be recursive.
    private static bool CanHoldText(MessageDescriptor message)
    {
        var seen = new HashSet<MessageDescriptor> { message };
        var pending = new Queue<MessageDescriptor>(seen);
        while (pending.TryDequeue(out var current))
        {
            foreach (var field in current.Fields.InDeclarationOrder().Where(field => !field.IsMap))
            {
                if (field.FieldType == FieldType.String)
                {
                    return true;
                }

                if (field.FieldType == FieldType.Message && seen.Add(field.MessageType))
                {
                    pending.Enqueue(field.MessageType);
                }
            }
        }

        return false;
    }
}
