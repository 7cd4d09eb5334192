using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// The services' descriptors with their comments: the same protos the contracts are compiled
/// from, written by protoc at build with their source info (the csproj's <c>DescribeContracts</c>)
/// and embedded, so that operations, messages and fields carry the protos' own prose.
/// </summary>
public static class ContractDescriptions
{
    private const string ResourceName = "contracts.binpb";

    public static IReadOnlyList<ServiceDescriptor> Of(IEnumerable<ServiceDescriptor> compiled)
    {
        using var stream = typeof(ContractDescriptions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The gateway was built without {ResourceName}.");
        var set = FileDescriptorSet.Parser.ParseFrom(stream);
        // The options the document reads are extensions: parsed only when registered.
        var files = FileDescriptor.BuildFromByteStrings(
            set.File.Select(file => file.ToByteString()),
            [AnnotationsExtensions.Http, FieldBehaviorExtensions.FieldBehavior, ResourceExtensions.Resource]);
        var services = files.SelectMany(file => file.Services).ToDictionary(service => service.FullName, StringComparer.Ordinal);
        return [.. compiled.Select(service => services[service.FullName])];
    }
}
