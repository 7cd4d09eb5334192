using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>Fills training's catalogue for case 8 through the API, with a reproducible <see cref="SyntheticCatalogue"/>.</summary>
internal static class CourseSeeder
{
    /// <summary>Creates in flight at once.</summary>
    private const int InFlight = 16;

    public static async Task SeedAsync(BenchmarkSuite suite, int courses)
    {
        var training = new TrainingService.TrainingServiceClient(suite.Training);
        var catalogue = new SyntheticCatalogue(seed: 2026);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, courses).Select(catalogue.Next).Index(),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (entry, cancellationToken) => await training.CreateCourseAsync(
                new CreateCourseRequest { Course = entry.Item, RequestId = $"bench-{entry.Index}" }, cancellationToken: cancellationToken));
    }
}
