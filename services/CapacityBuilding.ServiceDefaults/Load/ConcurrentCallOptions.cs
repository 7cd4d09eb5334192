namespace CapacityBuilding.ServiceDefaults.Load;

/// <summary>
/// <c>Load</c>: how many calls one process works on at once (<see cref="ConcurrentCallLimit"/>).
/// The default keeps every app's in-flight calls well inside its Deployment's heap limit
/// (docs/deployment.md) while leaving room for far more than the callers of a busy day.
/// </summary>
public sealed class ConcurrentCallOptions
{
    public const string SectionName = "Load";

    public const int MaxAllowed = 100_000;

    public int MaxConcurrentCalls { get; set; } = 1000;
}
