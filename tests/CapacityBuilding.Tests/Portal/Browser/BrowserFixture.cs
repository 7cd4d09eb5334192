using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// One headless chromium for the whole test run, launched on first use (tests that need no
/// browser never pay for it); each test gets contexts of its own, so tests cannot see each
/// other's cookies and may run side by side. A browser that has gone away (a crashed chromium
/// once took every later browser test down with it in CI) is launched again for the next test:
/// the test it was running still fails, the others run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly Lock gate = new();
    private Task<IBrowser>? launch;
    private IPlaywright? playwright;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A fresh context (cookies, storage) on the shared browser, relative URLs against <paramref name="baseAddress"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri? baseAddress = null, bool javaScriptEnabled = true)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            // A common laptop width: screenshots show the layout most users see.
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        };
        var connected = await ConnectedBrowserAsync();
        try
        {
            return await connected.NewContextAsync(options);
        }
        catch (PlaywrightException) when (!connected.IsConnected)
        {
            // It went away between the check and the call.
            return await (await ConnectedBrowserAsync()).NewContextAsync(options);
        }
    }

    private Task<IBrowser> ConnectedBrowserAsync()
    {
        lock (gate)
        {
            if (launch is null || launch.IsFaulted || launch.IsCanceled || (launch.IsCompletedSuccessfully && !launch.Result.IsConnected))
            {
                launch = LaunchAsync(relaunch: launch is not null);
            }
            return launch;
        }
    }

    private async Task<IBrowser> LaunchAsync(bool relaunch)
    {
        if (relaunch)
        {
            await Console.Error.WriteLineAsync("chromium went away during the run; launching it again for the remaining browser tests");
            // The driver may have gone with it: start both afresh.
            playwright?.Dispose();
        }
        // The NuGet package ships Playwright's node driver, so nothing is downloaded; the browser
        // is Debian's, given by path.
        playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumLocation.Find(),
            Headless = true,
            // Chromium's sandbox refuses to start as root (CI runs as root); the pages are our
            // own portal on loopback.
            ChromiumSandbox = false,
            // With no GPU, chromium renders through SwiftShader in a GPU process of its own, and
            // on a loaded 2-core CI machine that process was killed mid-screenshot again and again
            // ("GPU process exited unexpectedly: exit_code=5") until chromium gave up ("GPU process
            // isn't usable. Goodbye."). Software compositing in the browser needs no GPU process,
            // and no watchdog kills what is merely slow.
            Args = ["--disable-gpu", "--disable-gpu-watchdog", "--disable-gpu-process-crash-limit"],
        });
    }

    public async Task DisposeAsync()
    {
        if (launch is { IsCompletedSuccessfully: true, Result.IsConnected: true })
        {
            await launch.Result.CloseAsync();
        }
        playwright?.Dispose();
    }
}
