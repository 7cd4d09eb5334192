namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// A form that carries only the etag of what the page showed (an allocation to release, a pledge to
/// commit or cancel), so that a decision taken after someone else's change is refused (AIP-154).
/// </summary>
public sealed class EtagForm
{
    public string? Etag { get; set; }
}
