using CapacityBuilding.Contracts.Common.V1;
using Google.Protobuf;

namespace CapacityBuilding.Portal.Components.Pages.Audit;

/// <summary>
/// A signed checkpoint as the text an auditor copies out of the portal and pastes back later: the
/// message's protobuf JSON (the signature in base64), which is what grpcurl and the REST API show
/// too, so a checkpoint kept from either can be given back here.
/// </summary>
public static class CheckpointText
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    public static string Of(ChainCheckpoint checkpoint) => Formatter.Format(checkpoint);

    /// <summary>The checkpoint in <paramref name="text"/>, or null when it is not one.</summary>
    public static ChainCheckpoint? Parse(string text)
    {
        try
        {
            return JsonParser.Default.Parse<ChainCheckpoint>(text);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
        catch (InvalidJsonException)
        {
            return null;
        }
    }
}
