using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CapacityBuilding.Testing;

/// <summary>
/// A real redis-server of the tests' own, on a free loopback port with its data in a temporary
/// folder, removed again on dispose. Never a mock: the tests exercise the Lua scripts, indexes and
/// transactions the services really run. Fault tests kill it (SIGKILL) and restart it on the same
/// port and data folder. It runs with the production ACL (<see cref="RedisAcl"/>) and passwords
/// of its own: <see cref="ConnectionString"/> signs in as the admin, a service process gets its
/// own user from <see cref="ServiceConfiguration"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string dataDirectory;
    private readonly RedisServerOptions options;
    private readonly Dictionary<string, string> passwords;
    private Process process;

    private RedisServer(Process process, int port, string dataDirectory, RedisServerOptions options, Dictionary<string, string> passwords)
    {
        this.process = process;
        Port = port;
        this.dataDirectory = dataDirectory;
        this.options = options;
        this.passwords = passwords;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>As the admin user: for tests and benchmarks that read or reset Redis directly.</summary>
    public string ConnectionString => ConnectionStringFor(RedisAcl.AdminUser);

    /// <summary>As <paramref name="user"/> (the admin or a service), e.g. to show what a service's user may not do.</summary>
    public string ConnectionStringFor(string user) => $"{Endpoint},user={user},password={passwords[user]}";

    /// <summary>The configuration that makes a service process sign in as its own ACL user.</summary>
    public IReadOnlyDictionary<string, string> ServiceConfiguration(string service) => new Dictionary<string, string>
    {
        ["Redis__ConnectionString"] = Endpoint,
        ["Redis__User"] = service,
        ["Redis__Password"] = passwords[service],
    };

    /// <summary>The process id of the running server, e.g. to read its peak memory.</summary>
    public int ProcessId => process.Id;

    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null)
    {
        options ??= new RedisServerOptions();
        var port = FreePort.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("capacitybuilding-redis-").FullName;
        var passwords = RedisAcl.AppUsers.Append(RedisAcl.AdminUser).ToDictionary(user => user, _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        await File.WriteAllLinesAsync(AclFile(dataDirectory), AclLines(passwords));
        var server = new RedisServer(Launch(port, dataDirectory, options), port, dataDirectory, options, passwords);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Ends the server as a crash would (SIGKILL): no shutdown save, no flush beyond what fsync already did.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server again on the same port and data folder, so it loads what it had persisted.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        process.Dispose();
        process = Launch(Port, dataDirectory, options);
        await WaitUntilListeningAsync();
    }

    private static string AclFile(string dataDirectory) => Path.Combine(dataDirectory, "users.acl");

    private static IEnumerable<string> AclLines(Dictionary<string, string> passwords) =>
        RedisAcl.AppUsers
            .Select(service => $"user {service} on >{passwords[service]} {RedisAcl.ServiceRules(service)}")
            .Prepend($"user {RedisAcl.AdminUser} on >{passwords[RedisAcl.AdminUser]} {RedisAcl.AdminRules}")
            .Prepend($"user default {RedisAcl.DefaultUserRules}");

    private static Process Launch(int port, string dataDirectory, RedisServerOptions options)
    {
        var startInfo = new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dataDirectory, "--save", "",
                "--aclfile", AclFile(dataDirectory),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in options.PersistenceArguments())
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("redis-server is not installed: run .ci/run or install the redis-server package.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilListeningAsync()
    {
        // Loading a large append-only file takes a while; the port opens only after it.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"redis-server did not listen on port {Port} within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
