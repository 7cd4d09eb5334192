using Microsoft.Extensions.Caching.Memory;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// Course names the training service has confirmed exist. Training has no way to delete a course
/// (archiving keeps the name), so a confirmed name stays valid and a request naming a course
/// already seen needs no call to training: the call was most of the cost of creating a request.
/// Only confirmations are remembered, never a missing course, and at most
/// <see cref="MaxEntries"/> names. A test holds the training contract to "no delete".
/// </summary>
public sealed class KnownCourses : IDisposable
{
    public const int MaxEntries = 50_000;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) };

    private readonly MemoryCache confirmed = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public bool AllKnown(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!confirmed.TryGetValue(name, out _))
            {
                return false;
            }
        }

        return true;
    }

    public void Remember(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            confirmed.Set(name, true, Entry);
        }
    }

    public void Dispose() => confirmed.Dispose();
}
