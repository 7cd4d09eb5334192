namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>Configuration section <c>Invocation</c>.</summary>
public sealed class InvocationOptions
{
    public const string SectionName = "Invocation";

    public InvocationMode Mode { get; set; } = InvocationMode.Direct;

    /// <summary>
    /// Direct mode: the address of each app-id, e.g. <c>Invocation:Apps:training = http://localhost:5102</c>.
    /// Ignored in Dapr mode, where the sidecar resolves app-ids.
    /// </summary>
    public Dictionary<string, Uri> Apps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The longest a cross-service call may take; a shorter deadline of the incoming call wins.</summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between reconnection attempts to a target that went away.</summary>
    public TimeSpan MaxReconnectBackoff { get; set; } = TimeSpan.FromSeconds(2);
}
