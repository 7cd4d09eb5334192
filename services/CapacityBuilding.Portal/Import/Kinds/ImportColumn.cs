namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// A column of an import template: <see cref="Key"/> is its code (the header any language may
/// use, and its resource key <c>Column_{Key}</c> in ImportStrings for the header in the user's
/// language), <see cref="FieldPath"/> the create request's field it fills, so that a violation
/// the service reports on that field (or inside it) lands in this column.
/// </summary>
public sealed record ImportColumn(string Key, string FieldPath, ColumnValues Values = ColumnValues.Text);
