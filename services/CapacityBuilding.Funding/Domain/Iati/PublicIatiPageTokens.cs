using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// Page tokens of the public IATI file. A page walks allocations, and the one a token resumes
/// after may belong to a request whose state has not consented: so the public token is that id
/// sealed with AES-GCM (nothing in it can be read, and a token this service did not issue is
/// refused), under a key derived from the suite's service-token key so that every replica reads
/// every other's tokens.
/// </summary>
public sealed class PublicIatiPageTokens(IOptions<ServiceTokenOptions> serviceTokens, ApiErrors errors)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, Convert.FromBase64String(serviceTokens.Value.SigningKey!), 32, info: "capacitybuilding public IATI page token v1"u8.ToArray());

    public string Encode(string? lastAllocationId)
    {
        if (lastAllocationId is null)
        {
            return string.Empty;
        }

        var plain = Encoding.UTF8.GetBytes(lastAllocationId);
        var token = new byte[NonceSize + TagSize + plain.Length];
        RandomNumberGenerator.Fill(token.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(token.AsSpan(0, NonceSize), plain, token.AsSpan(NonceSize + TagSize), token.AsSpan(NonceSize, TagSize));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The allocation after which the page starts, or null for the first page.</summary>
    public string? Decode(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            var sealedId = Base64Url.DecodeFromChars(token);
            if (sealedId.Length > NonceSize + TagSize)
            {
                var plain = new byte[sealedId.Length - NonceSize - TagSize];
                using var aes = new AesGcm(key, TagSize);
                aes.Decrypt(sealedId.AsSpan(0, NonceSize), sealedId.AsSpan(NonceSize + TagSize), sealedId.AsSpan(NonceSize, TagSize), plain);
                return Encoding.UTF8.GetString(plain);
            }
        }
        catch (Exception exception) when (exception is FormatException or AuthenticationTagMismatchException)
        {
            // Answered below, as any token this service did not issue.
        }

        throw errors.InvalidArgument(PageTokens.PageTokenField, "is not a token this service issued.");
    }
}
