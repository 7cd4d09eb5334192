namespace CapacityBuilding.Assistance.Repositories;

/// <summary>What adding an earlier request to the overlap index did: <see cref="Stale"/> means it changed since it was read.</summary>
public enum OverlapIndexAddOutcome
{
    Added,
    NotFound,
    Stale,
}
