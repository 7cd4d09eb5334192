namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>A file the import refuses as a whole, with the reason shown to the user.</summary>
public sealed class SheetRefusedException(SheetRefusal refusal, string detail) : Exception($"{refusal}: {detail}")
{
    public SheetRefusal Refusal { get; } = refusal;
}
