using System.Collections.Concurrent;
using System.Diagnostics;

namespace CapacityBuilding.Testing;

/// <summary>
/// One of the suite's programs running as its own process, as in production: started from its
/// build output with configuration in environment variables, stopped (killed) on dispose. Keeps
/// the tail of its output so that a failing start explains itself.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private bool disposed;

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The operating system's process id, e.g. to read its peak memory in /proc.</summary>
    public int Id => process.Id;

    /// <param name="projectFolder">e.g. <c>services/CapacityBuilding.Training</c>.</param>
    public static ServiceProcess Start(string name, string projectFolder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var outputDirectory = RepositoryLayout.OutputOf(projectFolder);
        var assembly = Path.Combine(outputDirectory, Path.GetFileName(projectFolder) + ".dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is not built; build the solution first.");
        }

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = outputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo)!;
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Polls <paramref name="isReady"/> until it answers true; fails with the process's output otherwise.</summary>
    public async Task WaitUntilReadyAsync(Func<Task<bool>> isReady, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                if (await isReady())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or Grpc.Core.RpcException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{RecentOutput}");
    }

    /// <summary>
    /// The exit code once the process has ended by itself (e.g. refused its configuration), with
    /// all its output read; null when it still runs after <paramref name="timeout"/>.
    /// </summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public string RecentOutput => string.Join('\n', output);

    /// <summary>The last <paramref name="lines"/> lines the process printed.</summary>
    public string Tail(int lines) => string.Join('\n', output.TakeLast(lines));

    /// <summary>Ends the process at once, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Idempotent: a test may stop its own extra process before the fixture stops all.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await KillAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptOutputLines && output.TryDequeue(out _))
        {
        }
    }
}
