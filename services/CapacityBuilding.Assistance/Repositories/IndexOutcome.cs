namespace CapacityBuilding.Assistance.Repositories;

/// <summary>What adding a request to its index sets did: <see cref="Stale"/> means it changed since it was read.</summary>
public enum IndexOutcome
{
    Indexed,
    NotFound,
    Stale,
}
