using System.Numerics;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>One sum of <see cref="ReportTotals"/>: a group's figure in one currency, in nanos.</summary>
public sealed record GroupTotal(string Group, string Figure, string CurrencyCode, BigInteger TotalNanos);
