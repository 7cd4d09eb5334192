using CapacityBuilding.Portal.Import.Kinds;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Import.Templates;

/// <summary>A template column as its README explains it, in the current UI language.</summary>
public sealed record TemplateColumn(string Header, string Code, string Holds, IReadOnlyList<(string Code, string Name)> Allowed)
{
    public static IReadOnlyList<TemplateColumn> Of(IImportKind kind, IStringLocalizer<ImportStrings> strings)
    {
        var allowed = kind.Mapping().AllowedValues;
        return [.. kind.Columns.Select(column => new TemplateColumn(
            ImportHeaders.HeaderOf(column, strings),
            column.Key,
            strings["Values_" + column.Values],
            allowed.TryGetValue(column.Key, out var values) ? [.. values] : []))];
    }

    /// <summary>The allowed values as one cell: <c>CODE (Name); ...</c>.</summary>
    public string AllowedText => string.Join("; ", Allowed.Select(value => $"{value.Code} ({value.Name})"));
}
