using System.Collections.Concurrent;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// The gateway's memory of the bearer tokens JwtBearer accepted, by the exact <c>authorization</c>
/// header that carried them, each with the whole authentication result (ticket, principal) that
/// the full validation produced. A caller sends the same header on every call; finding it here
/// skips the parse, the validation parameters JwtBearer copies per call, the claims copy and the
/// ticket. An entry lasts until the token's own expiry (without the clock skew validation
/// allows, so a token in its grace period pays the full check) and at most
/// <see cref="CachingJsonWebTokenHandler.MaxRetention"/>, so that rotated signing keys take effect
/// within minutes. Failures are never remembered. The results are shared between calls: nothing
/// in the gateway changes a principal once authenticated (no claims transformation).
/// </summary>
internal sealed class AuthenticatedTokens(TimeProvider clock)
{
    /// <summary>Callers holding a live token at once that the memory keeps; past it, expired entries go, then all.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The remembered result as one completed task, the same for every call, so that handing it back allocates nothing.</summary>
    public bool TryGet(string authorization, out Task<AuthenticateResult> result)
    {
        if (entries.TryGetValue(authorization, out var entry) && clock.GetUtcNow() < entry.Until)
        {
            result = entry.Result;
            return true;
        }

        result = null!;
        return false;
    }

    /// <summary>Keeps a successful result whose ticket says when the token expires; any other is not kept.</summary>
    public void Remember(string authorization, AuthenticateResult result)
    {
        if (!result.Succeeded || result.Properties?.ExpiresUtc is not { } expires)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var until = expires < now + CachingJsonWebTokenHandler.MaxRetention ? expires : now + CachingJsonWebTokenHandler.MaxRetention;
        if (entries.Count >= MaxEntries)
        {
            Evict(now);
        }

        entries[authorization] = new Entry(Task.FromResult(result), until);
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (authorization, entry) in entries)
        {
            if (entry.Until <= now)
            {
                entries.TryRemove(authorization, out _);
            }
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
    }

    private sealed record Entry(Task<AuthenticateResult> Result, DateTimeOffset Until);
}
