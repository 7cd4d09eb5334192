using System.Diagnostics;
using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.DevTokens;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Benchmarks.Assistance;

/// <summary>
/// Seeds requests through the API with many creates in flight (the service pipelines them over
/// its one Redis connection), then times ListAssistanceRequests pages at random depths for a few
/// typical listings, one call at a time, and prints p50/p90/p99.
/// </summary>
internal sealed class ListLatencyBenchmark : IAsyncDisposable
{
    private const int CreatesInFlight = 128;
    private const int WarmupCalls = 1_000;
    private const int MeasuredCalls = 1_000;
    private const int PageSize = 50;

    private static readonly string[] Countries = ["GHA", "NOR", "NPL", "BRA", "VNM", "PRY", "SEN", "FRA"];
    private static readonly ThematicArea[] Areas = [.. Enum.GetValues<ThematicArea>().Where(area => area != ThematicArea.Unspecified)];

    private static readonly (string Name, Func<ListAssistanceRequestsRequest> Listing)[] Listings =
    [
        ("newest first, no filter", () => new ListAssistanceRequestsRequest()),
        ("newest first, country=GHA", () => new ListAssistanceRequestsRequest { RequestingState = "GHA" }),
        ("newest first, country=GHA & theme & DAC", () => new ListAssistanceRequestsRequest
            { RequestingState = "GHA", ThematicArea = ThematicArea.ElectronicEvidence, DacEligible = true }),
        ("priority first, state=DRAFT", () => new ListAssistanceRequestsRequest { OrderBy = "priority_score desc", State = State.Draft }),
    ];

    private readonly RedisServer redis;
    private readonly ServiceProcess assistanceProcess;
    private readonly GrpcChannel channel;
    private readonly AssistanceService.AssistanceServiceClient assistance;
    private int stored;

    private ListLatencyBenchmark(RedisServer redis, ServiceProcess assistanceProcess, GrpcChannel channel)
    {
        this.redis = redis;
        this.assistanceProcess = assistanceProcess;
        this.channel = channel;
        assistance = new AssistanceService.AssistanceServiceClient(channel);
    }

    public static async Task<ListLatencyBenchmark> StartAsync()
    {
        var redis = await RedisServer.StartAsync();
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // A signing key of the run's own; issuer and audience as in the service's appsettings.json.
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var token = new DevTokenIssuer("capacitybuilding-local", "capacitybuilding-api", signingKey)
            .Mint(CallerRole.Coordinator, "benchmark", lifetime: TimeSpan.FromHours(2));
        var process = ServiceProcess.Start("assistance", "services/CapacityBuilding.Assistance", new Dictionary<string, string>
        {
            ["Authentication__Jwt__SigningKey"] = signingKey,
            ["Redis__ConnectionString"] = redis.ConnectionString,
            ["Invocation__Apps__training"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Logging__LogLevel__Default"] = "Warning",
        }, "--urls", address.ToString());
        var channel = LoopbackChannels.ForAddress(address, token);
        var health = new Health.HealthClient(channel);
        await process.WaitUntilReadyAsync(
            async () => (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving,
            TimeSpan.FromSeconds(60));
        return new ListLatencyBenchmark(redis, process, channel);
    }

    public async Task SeedUpToAsync(int target)
    {
        var watch = Stopwatch.StartNew();
        using var inFlight = new SemaphoreSlim(CreatesInFlight);
        var from = stored;
        await Task.WhenAll(Enumerable.Range(from, Math.Max(0, target - from)).Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = RequestNumber(i) });
            }
            finally
            {
                inFlight.Release();
            }
        }));
        stored = Math.Max(stored, target);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {target - from:N0} requests in {watch.Elapsed.TotalSeconds:F1} s ({(target - from) / watch.Elapsed.TotalSeconds:N0}/s); {stored:N0} stored"));
    }

    /// <summary>Times every listing; prints nothing when <paramref name="print"/> is false (a warm-up pass).</summary>
    public async Task MeasureAsync(int size, bool print = true)
    {
        var output = print ? Console.Out : TextWriter.Null;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ListAssistanceRequests, page_size {PageSize}, {size:N0} stored requests, {MeasuredCalls} calls per listing at random depths:"));
        output.WriteLine($"  {"listing",-42} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8}");
        var random = new Random(7);
        foreach (var (name, listing) in Listings)
        {
            var tokens = await PageTokensAsync(listing);
            var latencies = new List<double>(MeasuredCalls);
            for (var call = 0; call < WarmupCalls + MeasuredCalls; call++)
            {
                var request = listing();
                request.PageSize = PageSize;
                request.PageToken = tokens[random.Next(tokens.Count)];
                var started = Stopwatch.GetTimestamp();
                await assistance.ListAssistanceRequestsAsync(request);
                if (call >= WarmupCalls)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            latencies.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-42} {Percentiles.Of(latencies, 50),8:F2} {Percentiles.Of(latencies, 90),8:F2} {Percentiles.Of(latencies, 99),8:F2}"));
        }
    }

    /// <summary>The tokens of every page of the listing (the first page's is empty), so calls can start at any depth.</summary>
    private async Task<List<string>> PageTokensAsync(Func<ListAssistanceRequestsRequest> listing)
    {
        var tokens = new List<string> { "" };
        var request = listing();
        request.PageSize = PageSize;
        while (true)
        {
            var page = await assistance.ListAssistanceRequestsAsync(request);
            if (page.NextPageToken.Length == 0)
            {
                return tokens;
            }

            tokens.Add(page.NextPageToken);
            request.PageToken = page.NextPageToken;
        }
    }

    private static AssistanceRequest RequestNumber(int i) => new()
    {
        RequestingState = Countries[i % Countries.Length],
        Title = $"Benchmark request {i}",
        // Two distinct areas: an offset of 1 to n-1 never lands on the first.
        ThematicAreas = { Areas[i % Areas.Length], Areas[(i + 1 + (i / Areas.Length % (Areas.Length - 1))) % Areas.Length] },
        AssistanceTypes = { (AssistanceType)(1 + (i % 8)) },
        EstimatedParticipants = i % 150,
    };

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await assistanceProcess.DisposeAsync();
        await redis.DisposeAsync();
    }
}
