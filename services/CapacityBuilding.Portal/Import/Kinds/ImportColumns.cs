namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>Which column a service's field path came from: the column with the longest path that is the field or contains it.</summary>
public static class ImportColumns
{
    public static string? Of(IReadOnlyList<ImportColumn> columns, string field) => columns
        .Where(column => field == column.FieldPath || field.StartsWith(column.FieldPath + ".", StringComparison.Ordinal) || field.StartsWith(column.FieldPath + "[", StringComparison.Ordinal))
        .MaxBy(column => column.FieldPath.Length)?.Key;
}
