namespace CapacityBuilding.ServiceDefaults.Audit;

/// <summary>
/// Configuration section <c>Audit</c>. <see cref="CheckpointSigningKey"/> is the ECDSA P-256
/// private key (PEM, PKCS#8 or SEC 1) that signs the chain checkpoints auditors keep outside the
/// system. Without it the service verifies chains but issues and accepts no checkpoints; a key that
/// is set but unusable stops the process at start.
/// </summary>
public sealed class CheckpointSigningOptions
{
    public const string SectionName = "Audit";

    public string? CheckpointSigningKey { get; set; }
}
