namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>The order of a listing: newest first, or highest priority first (then newest).</summary>
public enum RequestOrder
{
    CreateTime,
    Priority,
}

/// <summary>
/// A validated listing of requests: AND of the filters given as (dimension, value) pairs that
/// match <see cref="Repositories.RequestIndexes"/>, a created-at window, an order; and, for a
/// donor, only the requests that donor funds (<see cref="FundedBy"/>, its donor id).
/// </summary>
public sealed record RequestListQuery(
    IReadOnlyList<(string Dimension, string Value)> Filters,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedBefore,
    RequestOrder Order)
{
    public string? FundedBy { get; init; }

    /// <summary>Identifies the listing inside page tokens, so that a token only continues the listing it came from.</summary>
    public string Scope =>
        $"requests|{Order}|{string.Join(',', Filters.Select(filter => $"{filter.Dimension}={filter.Value}"))}|{CreatedFrom?.ToUnixTimeMilliseconds()}|{CreatedBefore?.ToUnixTimeMilliseconds()}|{FundedBy}";
}
