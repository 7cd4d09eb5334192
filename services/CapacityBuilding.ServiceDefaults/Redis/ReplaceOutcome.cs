namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>What a conditional replace (AIP-154) came to; see <see cref="ScriptReply"/> for the convention.</summary>
/// <typeparam name="T">The stored document.</typeparam>
public abstract record ReplaceOutcome<T>
{
    private ReplaceOutcome()
    {
    }

    /// <summary>Replaced; <paramref name="Document"/> is what is stored now.</summary>
    public sealed record Replaced(T Document) : ReplaceOutcome<T>;

    public sealed record NotFound : ReplaceOutcome<T>;

    /// <summary>Someone changed the document since it was read: its etag differs.</summary>
    public sealed record Stale : ReplaceOutcome<T>;
}
