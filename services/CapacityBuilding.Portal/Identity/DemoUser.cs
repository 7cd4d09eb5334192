namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// One demo user of the Development sign-in: <see cref="Role"/> is the token's role claim value
/// (<c>member_state</c>, <c>coordinator</c>, ...). A donor is named by the donor's display name,
/// because the donor's id is made by the funding service when the demo data is loaded.
/// </summary>
public sealed class DemoUser
{
    public string Key { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Role { get; set; } = "";

    public string? Country { get; set; }

    public string? DonorDisplayName { get; set; }
}
