namespace CapacityBuilding.Assistance.Domain.Reports;

/// <summary>How much of a report's breakdown a caller may see.</summary>
public enum ReportScope
{
    /// <summary>Every state and every region (coordinators, auditors).</summary>
    Full,

    /// <summary>Totals and regions, no state by name (donors).</summary>
    Aggregate,

    /// <summary>The caller's own state only (a member state's focal point).</summary>
    OwnState,
}
