using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;

namespace CapacityBuilding.Assistance.Domain.Reports;

/// <summary>The walk the counter backfills share: every stored request, counted by a script that refuses a changed or counted one.</summary>
internal static class EarlierRequests
{
    /// <summary>Counts each stored request once with <paramref name="countOnce"/>, reading it again when it changed since it was read; returns how many were added.</summary>
    public static async Task<int> CountEachOnceAsync(
        RedisAssistanceRequestRepository requests, RedisRequestCounterRepository counters,
        Func<StoredAssistanceRequest, Task<CountOutcome>> countOnce, CancellationToken cancellationToken)
    {
        var counted = 0;
        await foreach (var ids in counters.AllIdsAsync().WithCancellation(cancellationToken))
        {
            foreach (var id in ids)
            {
                while (await requests.GetAsync(id) is { } request)
                {
                    var outcome = await countOnce(request);
                    counted += outcome == CountOutcome.Counted ? 1 : 0;
                    if (outcome != CountOutcome.Stale)
                    {
                        break;
                    }
                }
            }
        }

        return counted;
    }
}
