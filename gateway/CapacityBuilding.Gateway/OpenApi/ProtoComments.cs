using Google.Protobuf.Reflection;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>A proto element's leading comment, when its descriptor carries source info.</summary>
public static class ProtoComments
{
    public static string? Of(DescriptorDeclaration? declaration)
    {
        var text = declaration?.LeadingComments;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // protoc keeps the space after "//" on every line.
        return string.Join('\n', text.Trim().Split('\n').Select(line => line.StartsWith(' ') ? line[1..] : line)).Trim();
    }
}
