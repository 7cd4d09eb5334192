using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.Requests;

public static class AssistanceRequestNames
{
    public static readonly ResourceName<AssistanceRequestName> Request = new("AssistanceRequest", "requests/{request}", ids => new(ids[0]));

    /// <summary>The training service's course names, which requests refer to.</summary>
    public static readonly ResourceName<CourseName> Course = new("Course", "courses/{course}", ids => new(ids[0]));

    /// <summary>The funding service's donor names, by which assistance asks what a donor funds.</summary>
    public static readonly ResourceName<DonorName> Donor = new("Donor", "donors/{donor}", ids => new(ids[0]));
}

/// <summary><c>requests/{request}</c></summary>
public sealed record AssistanceRequestName(string RequestId);

/// <summary><c>courses/{course}</c>, of the training service.</summary>
public sealed record CourseName(string CourseId);

/// <summary><c>donors/{donor}</c>, of the funding service.</summary>
public sealed record DonorName(string DonorId);
