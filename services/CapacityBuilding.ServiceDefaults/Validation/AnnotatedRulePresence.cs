using Buf.Validate;
using Google.Protobuf.Reflection;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Whether a message type, or any message inside it, carries a <c>buf.validate</c> annotation: a
/// type without any has nothing ProtoValidate could find, and its check is skipped.
/// </summary>
internal static class AnnotatedRulePresence
{
    public static bool AnyIn(MessageDescriptor message) => AnyIn(message, []);

    private static bool AnyIn(MessageDescriptor message, HashSet<MessageDescriptor> visited)
    {
        // A type met again on the way down (a recursive message) adds nothing new.
        if (!visited.Add(message))
        {
            return false;
        }

        return message.GetOptions()?.HasExtension(ValidateExtensions.Message) == true
            || message.Oneofs.Any(oneof => oneof.GetOptions()?.HasExtension(ValidateExtensions.Oneof) == true)
            || message.Fields.InDeclarationOrder().Any(field =>
                field.GetOptions()?.HasExtension(ValidateExtensions.Field) == true
                || (field.FieldType == FieldType.Message && AnyIn(field.MessageType, visited)));
    }
}
