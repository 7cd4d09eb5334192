using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Requests;

public static class AssistanceRequestNames
{
    public static readonly ResourceName Request = new("AssistanceRequest", "requests/{request}");

    /// <summary>The training service's course names, which requests refer to.</summary>
    public static readonly ResourceName Course = new("Course", "courses/{course}");

    /// <summary>The funding service's donor names, by which assistance asks what a donor funds.</summary>
    public static readonly ResourceName Donor = new("Donor", "donors/{donor}");
}
