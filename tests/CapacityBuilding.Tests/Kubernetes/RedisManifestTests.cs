using System.Text.Json.Nodes;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Redis as every overlay deploys it: no acknowledged write lost, writes refused rather than keys
/// evicted when full, memory left for the AOF rewrite, and the ACL the tests run under
/// (<see cref="RedisAcl"/>) with its passwords hashed from the Secret, never in clear.
/// </summary>
public sealed class RedisManifestTests
{
    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Redis_answers_a_write_only_once_it_is_on_disk_in_the_volume_claim(string overlay)
    {
        var (redis, container, configuration, _) = Redis(overlay);

        Assert.Equal("yes", configuration["appendonly"]);
        Assert.Equal("always", configuration["appendfsync"]);
        var claim = Assert.Single(redis["spec"]!["volumeClaimTemplates"]!.AsArray())!;
        Assert.Equal(configuration["dir"], MountPath(container, Manifests.NameOf(claim)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Redis_refuses_writes_when_full_and_keeps_half_its_memory_limit_for_the_AOF_rewrite(string overlay)
    {
        var (_, container, configuration, startup) = Redis(overlay);

        Assert.Equal("noeviction", configuration["maxmemory-policy"]);
        Assert.NotNull(container["resources"]?["limits"]?["memory"]);
        var limit = container["env"]!.AsArray().Single(variable => variable!["name"]!.GetValue<string>() == "REDIS_MEMORY_LIMIT")!["valueFrom"]!["resourceFieldRef"]!;
        Assert.Equal("limits.memory", limit["resource"]!.GetValue<string>());
        Assert.Equal(container["name"]!.GetValue<string>(), limit["containerName"]!.GetValue<string>());
        Assert.Contains("--maxmemory \"$((REDIS_MEMORY_LIMIT / 2))\"", ServerLine(startup), StringComparison.Ordinal);
    }

    /// <summary>The production ACL is the one the whole test suite runs under, user for user.</summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Redis_has_no_default_user_an_admin_and_one_user_per_app_confined_to_its_prefix(string overlay)
    {
        var users = AclUsers(overlay);

        var expected = RedisAcl.AppUsers.ToDictionary(service => service, service => "on " + RedisAcl.ServiceRules(service));
        expected["default"] = RedisAcl.DefaultUserRules;
        expected[RedisAcl.AdminUser] = "on " + RedisAcl.AdminRules;
        Assert.Equal(expected.OrderBy(user => user.Key, StringComparer.Ordinal), users.OrderBy(user => user.Key, StringComparer.Ordinal));
        Assert.Equal(CodeUnderTest.RedisUsers.Order(StringComparer.Ordinal), RedisAcl.AppUsers.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The ACL file is written at start with each password's SHA-256 from the Secret's files, on
    /// a memory volume; no password on redis-server's command line, where anyone who can list the
    /// node's processes would read it, nor in the ConfigMap.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Redis_hashes_each_users_password_from_the_secret_into_an_acl_file_in_memory(string overlay)
    {
        var (redis, container, configuration, startup) = Redis(overlay);

        Assert.DoesNotContain(AclUsers(overlay).Values, rules => rules.Contains('>', StringComparison.Ordinal) || rules.Contains('#', StringComparison.Ordinal));
        Assert.Contains("umask 077", startup, StringComparison.Ordinal);
        Assert.Contains("sha256sum", startup, StringComparison.Ordinal);
        Assert.Contains($"> {configuration["aclfile"]}", startup, StringComparison.Ordinal);
        Assert.DoesNotContain("PASSWORD", ServerLine(startup), StringComparison.Ordinal);
        Assert.Equal("Memory", VolumeMountedAt(redis, container, configuration["aclfile"])["emptyDir"]?["medium"]?.GetValue<string>());
        var secret = VolumeMountedAt(redis, container, $"{PasswordsFolder(startup)}/admin")["secret"]!;
        Assert.Equal("redis-auth", secret["secretName"]!.GetValue<string>());
    }

    /// <summary>The dev overlay's throwaway Secret has a password for every ACL user that signs in.</summary>
    [Fact]
    public void The_dev_secret_has_a_password_for_every_user_that_signs_in()
    {
        var secret = Manifests.Overlay("dev").Get("Secret", "redis-auth");

        var signingIn = AclUsers("dev").Where(user => user.Value.StartsWith("on", StringComparison.Ordinal)).Select(user => user.Key);
        Assert.Equal(signingIn.Order(StringComparer.Ordinal), secret["stringData"]!.AsObject().Select(entry => entry.Key).Order(StringComparer.Ordinal));
    }

    private static (JsonObject Redis, JsonObject Container, Dictionary<string, string> Configuration, string Startup) Redis(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var redis = manifests.Get("StatefulSet", "redis");
        var container = Manifests.ContainersOf(redis).Single();
        Assert.Equal(["sh", "-c"], container["command"]!.AsArray().Select(part => part!.GetValue<string>()));
        var startup = Assert.Single(container["args"]!.AsArray())!.GetValue<string>();
        var configurationFile = ServerLine(startup).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        var configuration = ConfigFile(manifests, redis, container, configurationFile)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2))
            .ToDictionary(directive => directive[0], directive => directive[1]);
        return (redis, container, configuration, startup);
    }

    /// <summary>user name → its rules, from the ACL rules of the ConfigMap.</summary>
    private static Dictionary<string, string> AclUsers(string overlay)
    {
        var (redis, container, _, startup) = Redis(overlay);
        var template = startup.Split('<', StringSplitOptions.TrimEntries)[^1].Split(' ')[0];
        var lines = ConfigFile(Manifests.Overlay(overlay), redis, container, template)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.StartsWith("user ", line, StringComparison.Ordinal));
        return lines.Select(line => line.Split(' ', 3)).ToDictionary(parts => parts[1], parts => parts[2]);
    }

    /// <summary>A file of a ConfigMap mounted into the container, by its path there.</summary>
    private static string ConfigFile(Manifests manifests, JsonObject redis, JsonObject container, string path)
    {
        var configMap = VolumeMountedAt(redis, container, path)["configMap"]!["name"]!.GetValue<string>();
        return manifests.Get("ConfigMap", configMap)["data"]![Path.GetFileName(path)]!.GetValue<string>();
    }

    private static JsonNode VolumeMountedAt(JsonObject redis, JsonObject container, string path)
    {
        var mount = container["volumeMounts"]!.AsArray().Single(volume => path.StartsWith(volume!["mountPath"]!.GetValue<string>() + "/", StringComparison.Ordinal))!;
        return Manifests.PodSpecOf(redis)["volumes"]!.AsArray().Single(volume => volume!["name"]!.GetValue<string>() == mount["name"]!.GetValue<string>())!;
    }

    private static string MountPath(JsonObject container, string volume) =>
        container["volumeMounts"]!.AsArray().Single(mount => mount!["name"]!.GetValue<string>() == volume)!["mountPath"]!.GetValue<string>();

    private static string ServerLine(string startup) =>
        startup.Split('\n').Single(line => line.TrimStart().StartsWith("exec redis-server ", StringComparison.Ordinal));

    /// <summary>The folder the startup script reads each user's password file from ("/etc/redis-auth/$user").</summary>
    private static string PasswordsFolder(string startup)
    {
        const string Marker = "/$user\"";
        var end = startup.IndexOf(Marker, StringComparison.Ordinal);
        return startup[(startup.LastIndexOf('"', end - 1) + 1)..end];
    }
}
