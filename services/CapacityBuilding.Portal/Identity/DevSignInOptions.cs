namespace CapacityBuilding.Portal.Identity;

/// <summary>Configuration section <c>Portal:DevSignIn</c>: the demo users listed on the Development sign-in page.</summary>
public sealed class DevSignInOptions
{
    public const string SectionName = "Portal:DevSignIn";

    public List<DemoUser> Users { get; set; } = [];
}
