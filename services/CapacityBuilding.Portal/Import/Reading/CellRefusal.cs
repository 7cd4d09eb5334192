namespace CapacityBuilding.Portal.Import.Reading;

/// <summary>
/// Cells whose value the import will not guess: each becomes a problem of its row and column in
/// the report (ImportStrings <c>Cell_{value}</c>), the rest of the row is still checked.
/// </summary>
public enum CellRefusal
{
    None,

    /// <summary>A formula: its cached value may be stale or absent; the user pastes values instead.</summary>
    Formula,

    /// <summary>Part of a merged range: which rows the value belongs to is a guess.</summary>
    Merged,

    /// <summary>An error value such as <c>#N/A</c> or <c>#REF!</c>.</summary>
    ErrorValue,
}
