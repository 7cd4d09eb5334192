namespace CapacityBuilding.Gateway.Deadlines;

/// <summary>Configuration section <c>Deadlines</c>: how long the gateway lets one call take.</summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>The longest a call may take through the gateway, whatever deadline its caller set.</summary>
    public TimeSpan Request { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How much earlier than <see cref="Request"/> the service's own deadline ends, so that a slow
    /// service answers DEADLINE_EXCEEDED itself and stops its work (and its calls to other
    /// services) before the gateway gives up on it.
    /// </summary>
    public TimeSpan ServiceMargin { get; set; } = TimeSpan.FromMilliseconds(500);
}
