using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Audit;

/// <summary>
/// Signs and checks <see cref="ChainCheckpoint"/>s with the key of <see cref="CheckpointSigningOptions"/>.
/// The signed bytes are a fixed text layout (see chain_checkpoint.proto) rather than the message's
/// serialization, so an auditor can check a checkpoint with openssl and the public key alone.
/// </summary>
public sealed class ChainCheckpoints : IDisposable
{
    private const string Layout = "capacitybuilding.checkpoint.v1";

    private readonly ECDsa? key;
    private readonly TimeProvider clock;

    public ChainCheckpoints(IOptions<CheckpointSigningOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        if (!string.IsNullOrWhiteSpace(options.Value.CheckpointSigningKey))
        {
            key = ECDsa.Create();
            key.ImportFromPem(options.Value.CheckpointSigningKey);
        }
    }

    /// <summary>A signed checkpoint of a chain that has <paramref name="length"/> entries ending in <paramref name="headHash"/>; null without a key.</summary>
    public ChainCheckpoint? Sign(string chain, long length, string headHash)
    {
        if (key is null)
        {
            return null;
        }

        var checkpoint = new ChainCheckpoint
        {
            Chain = chain,
            Length = length,
            HeadHash = headHash,
            SignTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds())),
        };
        checkpoint.Signature = ByteString.CopyFrom(
            key.SignData(SignedBytesOf(checkpoint), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        return checkpoint;
    }

    /// <summary>
    /// Refuses, as INVALID_ARGUMENT naming <paramref name="field"/>, a checkpoint this service did
    /// not sign or that is for another chain than <paramref name="chain"/>; FAILED_PRECONDITION
    /// when the service has no key to check it with.
    /// </summary>
    public void EnsureGenuine(ChainCheckpoint checkpoint, string chain, string field, ApiErrors errors)
    {
        if (key is null)
        {
            throw errors.FailedPrecondition(ErrorReasons.CheckpointsNotConfigured,
                "This service has no checkpoint signing key (Audit:CheckpointSigningKey), so it cannot check a checkpoint.");
        }

        if (checkpoint.SignTime is null || checkpoint.Length < 0
            || !key.VerifyData(SignedBytesOf(checkpoint), checkpoint.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            throw errors.InvalidArgument($"{field}.signature", "is not this service's signature of the checkpoint.");
        }

        if (checkpoint.Chain != chain)
        {
            throw errors.InvalidArgument($"{field}.chain", $"is {checkpoint.Chain}, not {chain}.");
        }
    }

    public void Dispose() => key?.Dispose();

    private static byte[] SignedBytesOf(ChainCheckpoint checkpoint) => Encoding.UTF8.GetBytes(string.Join('\n',
        Layout,
        checkpoint.Chain,
        checkpoint.Length.ToString(CultureInfo.InvariantCulture),
        checkpoint.HeadHash,
        (checkpoint.SignTime?.Seconds ?? 0).ToString(CultureInfo.InvariantCulture)));
}
