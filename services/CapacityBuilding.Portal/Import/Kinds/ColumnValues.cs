namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>What a column holds, which the template's README sheet explains (ImportStrings <c>Values_{value}</c>).</summary>
public enum ColumnValues
{
    Text,
    RowKey,
    WholeNumber,
    Amount,
    Day,
    Moment,
    Country,
    Currency,
    Language,
    Languages,
    Resource,

    /// <summary>One value of a code list, by code or by name (<see cref="CodeList{TValue}"/>).</summary>
    Code,

    /// <summary>Several values of a code list, separated by semicolons.</summary>
    Codes,
}
