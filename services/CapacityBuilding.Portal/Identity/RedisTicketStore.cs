using System.Security.Cryptography;
using CapacityBuilding.ServiceDefaults.Redis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// Keeps each signed-in session on the server, so the cookie holds only a random session key
/// and the user's access token never reaches the browser; every replica reads the same sessions.
/// Keys (under the portal's prefix <c>portal:</c>): <c>session:{key}</c>, the ticket serialized and
/// encrypted with data protection (it carries the access token), expiring with the ticket.
/// </summary>
internal sealed class RedisTicketStore(RedisKeyspace keyspace, IDataProtectionProvider dataProtection, TimeProvider clock) : ITicketStore
{
    // Used when a ticket has no end of its own; the cookie's own lifetime is the same.
    internal static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly IDataProtector protector = dataProtection.CreateProtector("CapacityBuilding.Portal.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var lifetime = (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + DefaultLifetime) - clock.GetUtcNow();
        var value = protector.Protect(TicketSerializer.Default.Serialize(ticket));
        return keyspace.Database.StringSetAsync(RedisKeyOf(key), value, lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromSeconds(1));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var value = await keyspace.Database.StringGetAsync(RedisKeyOf(key));
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect((byte[])value!));
        }
        catch (CryptographicException)
        {
            // Written under keys this deployment no longer has: the user signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => keyspace.Database.KeyDeleteAsync(RedisKeyOf(key));

    private static string RedisKeyOf(string key) => "session:" + key;
}
