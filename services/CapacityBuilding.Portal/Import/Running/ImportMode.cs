namespace CapacityBuilding.Portal.Import.Running;

/// <summary>A run checks every row without storing anything (validate_only), or creates them.</summary>
public enum ImportMode
{
    Check,
    Import,
}
