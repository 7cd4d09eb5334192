using Microsoft.Extensions.Hosting;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// What makes a shared HS256 key acceptable, for user tokens and service tokens alike: base64 of at
/// least 256 bits, and outside Development not a key anyone can read in this repository
/// (<see cref="PublishedSigningKeys"/>).
/// </summary>
internal static class SigningKeyRules
{
    private const int MinimumKeyBytes = 32;

    /// <summary>Why the key is refused, as the end of a sentence that starts with its setting's name; null when it is acceptable.</summary>
    public static string? Problem(string signingKey, IHostEnvironment environment)
    {
        var key = new byte[signingKey.Length];
        if (!Convert.TryFromBase64String(signingKey, key, out var length))
        {
            return "is not base64.";
        }

        if (length < MinimumKeyBytes)
        {
            return $"must be at least {MinimumKeyBytes} bytes (256 bits).";
        }

        if (!environment.IsDevelopment() && PublishedSigningKeys.All.Contains(signingKey.Trim()))
        {
            return $"is a key published in this repository (the dev overlay's) and is refused outside Development ({environment.EnvironmentName}): " +
                "generate one (head -c 32 /dev/urandom | base64).";
        }

        return null;
    }
}
