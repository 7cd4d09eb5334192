using Microsoft.Extensions.Options;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// Configuration section <c>Delivery:History</c>: how often the worker looks for unrecorded event
/// steps, and how long a step assistance could not record waits before it is sent again.
/// </summary>
public sealed class DeliveryHistoryOptions
{
    public const string SectionName = "Delivery:History";

    /// <summary>
    /// Between two looks of the worker, and the wait after a step's first failed attempt; each
    /// further failure doubles the wait (default 30 s).
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts at the same step (default 30 min).</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary><c>Delivery:History</c>: a retry interval from a second to an hour, and a longest wait from that interval to a day.</summary>
internal sealed class DeliveryHistoryOptionsValidator : IValidateOptions<DeliveryHistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryHistoryOptions options)
    {
        if (options.RetryInterval < TimeSpan.FromSeconds(1) || options.RetryInterval > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail($"{DeliveryHistoryOptions.SectionName}:{nameof(DeliveryHistoryOptions.RetryInterval)} must be between 00:00:01 and 01:00:00.");
        }

        return options.MaxRetryInterval >= options.RetryInterval && options.MaxRetryInterval <= TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{DeliveryHistoryOptions.SectionName}:{nameof(DeliveryHistoryOptions.MaxRetryInterval)} must be between {nameof(DeliveryHistoryOptions.RetryInterval)} and 1.00:00:00.");
    }
}
