using Measure = CapacityBuilding.Contracts.Assistance.V1.Indicator.Types.Measure;

namespace CapacityBuilding.Assistance.Domain.Results;

/// <summary>An outcome of a request, with its indicators, as the assistance service stores it.</summary>
public sealed record StoredOutcome(
    string Id,
    string RequestId,
    string Statement,
    IReadOnlyList<StoredIndicator> Indicators,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);

public sealed record StoredIndicator(
    string Title,
    Measure Measure,
    string Unit,
    StoredIndicatorValue Baseline,
    StoredIndicatorValue Target,
    IReadOnlyList<StoredIndicatorValue> Actuals);

/// <summary>A value on a day; indicators count people, cases or percentages, never money, so a double is exact enough.</summary>
public sealed record StoredIndicatorValue(double Value, DateOnly Date, string Comment);
