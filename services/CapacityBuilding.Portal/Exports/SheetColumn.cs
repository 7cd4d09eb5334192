namespace CapacityBuilding.Portal.Exports;

/// <summary>One column of a downloaded list: its header in the user's language and its cell for a row.</summary>
public sealed record SheetColumn<TRow>(string Header, Func<TRow, SheetCell> Cell);
