namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>The release form: the allocation's etag as the page showed it, so a release after someone else's change is refused (AIP-154).</summary>
public sealed class ReleaseForm
{
    public string? Etag { get; set; }
}
