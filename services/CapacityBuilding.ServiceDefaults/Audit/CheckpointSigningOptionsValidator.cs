using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Audit;

/// <summary><c>Audit:CheckpointSigningKey</c>, when set, must be an ECDSA private key on P-256.</summary>
internal sealed class CheckpointSigningOptionsValidator : IValidateOptions<CheckpointSigningOptions>
{
    private const string Key = CheckpointSigningOptions.SectionName + ":" + nameof(CheckpointSigningOptions.CheckpointSigningKey);

    public ValidateOptionsResult Validate(string? name, CheckpointSigningOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CheckpointSigningKey))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(options.CheckpointSigningKey);
            return key.ExportParameters(true).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Key} must be a key on the P-256 curve.");
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a PEM ECDSA private key: {exception.Message}");
        }
    }
}
