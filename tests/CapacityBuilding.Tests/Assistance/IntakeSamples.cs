using CapacityBuilding.Contracts.Assistance.V1;
using Google.Type;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Requests for the intake tests (budgets, overlaps, coverage): each wanted in a year of its own,
/// so that no other test's request of the same state overlaps it unless the test means it to.
/// </summary>
internal static class IntakeSamples
{
    private static int lastYear = 2100 + Random.Shared.Next(0, 1000);

    public static int NewYear() => Interlocked.Increment(ref lastYear);

    /// <summary>A complete request of <paramref name="state"/>, wanted from March to June of <paramref name="year"/> (a year of its own when null).</summary>
    public static AssistanceRequest InYear(string state = "GHA", int? year = null)
    {
        var request = RequestLifecycleDriver.CompleteRequest(state);
        var wanted = year ?? NewYear();
        request.DesiredStart = new Date { Year = wanted, Month = 3, Day = 1 };
        request.DesiredEnd = new Date { Year = wanted, Month = 6, Day = 30 };
        return request;
    }
}
