using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// The HTTP validators of a public page, written on the answer for the gateway's public routes to
/// answer conditional requests with 304 (docs/transparency.md): the entity tag of the page's
/// activities and its resume point (hashed, so it names nothing), and when what the page walked last changed.
/// </summary>
public static class PublicIatiValidators
{
    public static void WriteTo(HttpResponse response, IatiExport export)
    {
        var tag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(export.ContentHash + "\n" + export.LastAllocationId)))[..32];
        response.Headers.ETag = $"\"{tag}\"";
        if (export.LastModified is { } lastModified)
        {
            response.Headers.LastModified = lastModified.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        }
    }
}
