namespace CapacityBuilding.Testing;

/// <summary>
/// The Redis ACL the tests run under, the same as production's (k8s/base/redis/configmap.yaml;
/// a manifest test holds the two equal): the default user off, an admin for operators and for the
/// tests that audit the keyspace, and one user per service confined to its key prefix.
/// </summary>
public static class RedisAcl
{
    public const string AdminUser = "admin";

    public static IReadOnlyList<string> ServiceUsers { get; } = ["assistance", "training", "funding"];

    /// <summary>The portal's user: its sessions and data-protection keys under <c>portal:</c>.</summary>
    public const string PortalUser = "portal";

    /// <summary>Every app's user, each with <see cref="ServiceRules"/> for its own prefix.</summary>
    public static IReadOnlyList<string> AppUsers { get; } = [.. ServiceUsers, PortalUser];

    /// <summary>
    /// An app's rules: its own keys only, no Pub/Sub channels, every command but the dangerous
    /// and administrative ones (KEYS, FLUSHALL, CONFIG, DEBUG, SHUTDOWN, ACL, ...), Redis functions
    /// and the script cache's flush and kill. Lua scripts (EVAL, EVALSHA, SCRIPT LOAD) stay: every
    /// write that must not race is one, and their keys are checked against the prefix too. INFO
    /// (server statistics, no data) stays because the client library needs it on connect.
    /// </summary>
    public static string ServiceRules(string service) =>
        $"resetkeys ~{service}:* resetchannels +@all -@dangerous -@admin -@pubsub -function -script|flush -script|kill +info";

    public const string AdminRules = "~* &* +@all";

    /// <summary>
    /// Off: nobody signs in as it, a connection that does not sign in can run nothing. Yet with
    /// every permission, because Redis 7.0 replays the append-only file's transactions (the
    /// effects of our Lua scripts) as the default user: without permissions the replay refuses
    /// them and a restart silently loses every acknowledged script write (RedisCrashTests).
    /// </summary>
    public const string DefaultUserRules = "off ~* &* +@all";
}
