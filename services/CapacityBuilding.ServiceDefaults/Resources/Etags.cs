using System.Security.Cryptography;

namespace CapacityBuilding.ServiceDefaults.Resources;

/// <summary>Etags (AIP-154): a fresh random value per stored version of a resource.</summary>
public static class Etags
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Whether a change must be refused as stale: the caller sent an etag and it is not the current
    /// one. An empty etag asks for an unconditional change (AIP-154).
    /// </summary>
    public static bool IsStale(string sent, string current) => sent.Length > 0 && sent != current;
}
