using System.Collections.Frozen;
using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// One edition of the OECD DAC List of ODA Recipients: the reporting years it is in force for
/// (flows of those years are reported against it) and each recipient's column, by ISO 3166-1 alpha-3.
/// </summary>
public sealed record DacRecipientEdition(int FirstReportingYear, int LastReportingYear, FrozenDictionary<string, DacIncomeGroup> GroupsByCode);
