using System.Security.Cryptography;
using System.Text;
using CapacityBuilding.ServiceDefaults.Identity;
using Google.Protobuf;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// A create that carries a client-chosen <c>request_id</c> (AIP-155), as the repositories remember
/// it: under <c>{collection}:request-ids:{scope}</c>, a hash holding the <c>id</c> of the resource
/// that create made and the <c>fingerprint</c> of its request, or, where the create script claims
/// the key in one command before any other write (assistance's requests), the string
/// <c>{fingerprint} {id}</c> (<c>claim_create</c> in <c>Redis/Scripts/idempotency.lua</c>). Kept
/// without expiry, so that a retry however late never duplicates.
/// <para>
/// The scope is a SHA-256 of who sent the create and where: the caller's role, its tenant (the
/// member state's country or the donor's id), its subject, the request's <c>parent</c> (where it
/// has one) and the request id. One caller's request id therefore never finds what another caller,
/// another country or another donor created, and cannot block them. The fingerprint is a SHA-256
/// of the request message's serialization: the same request id with a different payload is
/// refused (<see cref="RequestIdReusedException"/>), never answered with the earlier resource.
/// </para>
/// </summary>
public sealed record IdempotentCreate(string Scope, string Fingerprint)
{
    private const string RequestIdField = "request_id";
    private const string ParentField = "parent";

    /// <summary>The create <paramref name="caller"/> sent as <paramref name="request"/>, or null when it has no request id.</summary>
    public static IdempotentCreate? Of(Caller caller, IMessage request)
    {
        var requestId = TextField(request, RequestIdField);
        if (requestId.Length == 0)
        {
            return null;
        }

        string[] scope =
        [
            CallerClaims.ClaimValueOf(caller.Role), caller.Country ?? "", caller.DonorId ?? "", caller.Subject,
            TextField(request, ParentField), requestId,
        ];
        return new IdempotentCreate(Sha256Hex(Unambiguous(scope)), Sha256Hex(request.ToByteArray()));
    }

    /// <summary>
    /// What a create answers, if the caller may read it now: a replay returns the resource the
    /// first call made only while the caller may still read it (the row-level rules of its
    /// service decide <paramref name="visible"/>); otherwise the request id is refused as reused,
    /// naming nothing. For a resource the call has just made, <paramref name="visible"/> holds.
    /// </summary>
    public static T Answer<T>(T created, bool visible) =>
        visible ? created : throw new RequestIdReusedException("The request id names a resource the caller may not read.");

    /// <summary>The key remembering this create among <paramref name="collection"/>'s creates.</summary>
    public RedisKey KeyIn(string collection) => new($"{collection}:request-ids:{Scope}");

    private static string TextField(IMessage request, string name) =>
        request.Descriptor.FindFieldByName(name)?.Accessor.GetValue(request) as string ?? "";

    // Each part prefixed with its length, so that no two different scopes make the same bytes
    // whatever characters a subject or a parent contains.
    private static byte[] Unambiguous(IEnumerable<string> parts) =>
        Encoding.UTF8.GetBytes(string.Concat(parts.Select(part => $"{part.Length}:{part}")));

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
