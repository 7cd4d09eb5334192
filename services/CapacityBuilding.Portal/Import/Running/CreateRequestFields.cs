using Google.Protobuf;

namespace CapacityBuilding.Portal.Import.Running;

/// <summary>
/// The two fields every create an import sends has (AIP-155 <c>request_id</c>, AIP-163
/// <c>validate_only</c>), set by name on whichever create request it is.
/// </summary>
public static class CreateRequestFields
{
    public static void Set(IMessage create, string requestId, bool validateOnly)
    {
        var fields = create.Descriptor;
        fields.FindFieldByName("request_id").Accessor.SetValue(create, requestId);
        fields.FindFieldByName("validate_only").Accessor.SetValue(create, validateOnly);
    }
}
