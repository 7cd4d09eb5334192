namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// One line of an import's report: the row as the user's program numbers it, the column's key
/// (null for a problem of the whole row) and the message in the user's language.
/// </summary>
public sealed record RowProblem(int Row, string? Column, string Message);
