using System.Diagnostics;
using System.Security.Cryptography;
using CapacityBuilding.Benchmarks.Training;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.DevTokens;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using Grpc.Health.V1;

// SearchCourses latency over a catalogue of 10,000 courses (or the count given as the first
// argument): a real redis-server and the training service from its Release build, called over
// gRPC on loopback one request at a time, so each figure is one client-to-client round trip.
var courseCount = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
const int SearchesPerCase = 1_000;
const int WarmUpSearches = 300;
const int SeedParallelism = 16;

await using var redis = await RedisServer.StartAsync();
var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
await using var service = ServiceProcess.Start("training", "services/CapacityBuilding.Training",
    new Dictionary<string, string>
    {
        ["Redis__ConnectionString"] = redis.ConnectionString,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Authentication__Jwt__SigningKey"] = signingKey,
    },
    "--urls", address.ToString());
var token = new DevTokenIssuer("capacitybuilding-local", "capacitybuilding-api", signingKey).Mint(CallerRole.Coordinator, "benchmark");
using var channel = LoopbackChannels.ForAddress(address, token);
var health = new Health.HealthClient(channel);
await service.WaitUntilReadyAsync(
    async () => (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving,
    TimeSpan.FromSeconds(60));
var training = new TrainingService.TrainingServiceClient(channel);

Console.WriteLine($"Seeding {courseCount:N0} courses...");
var seeding = Stopwatch.StartNew();
var catalogue = new SyntheticCatalogue(seed: 2026);
var courses = Enumerable.Range(0, courseCount).Select(catalogue.Next).ToList();
await Parallel.ForEachAsync(courses.Index(), new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism }, async (entry, token) =>
    await training.CreateCourseAsync(new CreateCourseRequest { Course = entry.Item, RequestId = $"bench-{entry.Index}" }, cancellationToken: token));
Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s.");

var queries = new SyntheticCatalogue(seed: 7);
for (var i = 0; i < WarmUpSearches; i++)
{
    await training.SearchCoursesAsync(SearchCases.All[i % SearchCases.All.Count].Build(queries));
}

Console.WriteLine($"SearchCourses, page size 50, {SearchesPerCase} sequential calls per case over {courseCount:N0} courses:");
var all = new List<double>();
long allMatches = 0;
foreach (var (name, build) in SearchCases.All)
{
    var latencies = new List<double>(SearchesPerCase);
    long matches = 0;
    for (var i = 0; i < SearchesPerCase; i++)
    {
        var request = build(queries);
        var started = Stopwatch.GetTimestamp();
        var response = await training.SearchCoursesAsync(request);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        matches += response.TotalSize;
    }

    all.AddRange(latencies);
    allMatches += matches;
    Console.WriteLine(Percentiles.Line(name, latencies, (double)matches / SearchesPerCase));
}

Console.WriteLine(Percentiles.Line("all cases", all, (double)allMatches / all.Count));
