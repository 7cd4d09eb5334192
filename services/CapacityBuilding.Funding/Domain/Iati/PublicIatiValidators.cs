using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// The HTTP validators of a public page (the IATI file's, the registry's), written on the answer for the gateway's public routes to
/// answer conditional requests with 304 (docs/transparency.md): the entity tag of the page's
/// activities and its resume point (hashed, so it names nothing), and when what the page walked last changed.
/// </summary>
public static class PublicIatiValidators
{
    /// <param name="content">What the page says (or a hash of it), without anything that changes from call to call.</param>
    public static void WriteTo(HttpResponse response, string content, string? lastAllocationId, DateTimeOffset? lastModified)
    {
        var tag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content + "\n" + lastAllocationId)))[..32];
        response.Headers.ETag = $"\"{tag}\"";
        if (lastModified is { } changed)
        {
            response.Headers.LastModified = changed.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        }
    }
}
