namespace CapacityBuilding.Testing;

/// <summary>How durable a test's redis-server is. The default keeps nothing on disk: fastest, for tests that never restart it.</summary>
public sealed record RedisServerOptions
{
    /// <summary>
    /// Append-only file with <c>appendfsync always</c>: Redis answers a write only after it is on
    /// disk, so every acknowledged write survives a SIGKILL.
    /// </summary>
    public bool AppendFsyncAlways { get; init; }

    internal IEnumerable<string> PersistenceArguments() => AppendFsyncAlways
        ? ["--appendonly", "yes", "--appendfsync", "always"]
        : ["--appendonly", "no"];
}
