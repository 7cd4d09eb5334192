using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>
/// Stores requests for case 10 through the API, with many creates in flight (the service
/// pipelines them over its one Redis connection): countries, themes, assistance types and sizes
/// spread as in a real register, so that each filter of the listings selects a real share.
/// </summary>
internal sealed class VariedRequestSeeder(GrpcChannel separateAssistance)
{
    private const int CreatesInFlight = 128;

    private static readonly string[] Countries = ["GHA", "NOR", "NPL", "BRA", "VNM", "PRY", "SEN", "FRA"];
    private static readonly ThematicArea[] Areas = [.. Enum.GetValues<ThematicArea>().Where(area => area != ThematicArea.Unspecified)];

    private readonly AssistanceService.AssistanceServiceClient assistance = new(separateAssistance);
    private int stored;

    /// <summary>Creates requests until <paramref name="target"/> are stored.</summary>
    public async Task SeedUntilAsync(int target)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(stored, Math.Max(0, target - stored)),
            new ParallelOptions { MaxDegreeOfParallelism = CreatesInFlight },
            async (i, cancellationToken) => await assistance.CreateAssistanceRequestAsync(
                new CreateAssistanceRequestRequest { AssistanceRequest = RequestNumber(i), RequestId = Guid.NewGuid().ToString("N") }, cancellationToken: cancellationToken));
        stored = Math.Max(stored, target);
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
}
