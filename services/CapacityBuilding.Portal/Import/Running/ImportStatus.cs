namespace CapacityBuilding.Portal.Import.Running;

/// <summary>Where a run is (ImportStrings <c>Status_{value}</c>).</summary>
public enum ImportStatus
{
    Queued,
    Running,
    Finished,

    /// <summary>The file as a whole could not be read (<see cref="Reading.SheetRefusal"/>); nothing of it was sent.</summary>
    Refused,

    /// <summary>The run stopped on an unexpected failure (logged); the rows it reported before stay reported.</summary>
    Failed,
}
