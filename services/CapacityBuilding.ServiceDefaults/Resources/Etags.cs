using System.Security.Cryptography;

namespace CapacityBuilding.ServiceDefaults.Resources;

/// <summary>Etags (AIP-154): a fresh random value per stored version of a resource.</summary>
public static class Etags
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
