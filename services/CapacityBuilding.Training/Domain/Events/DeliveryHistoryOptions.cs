using Microsoft.Extensions.Options;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>Configuration section <c>Delivery:History</c>: how often unrecorded event steps are sent again.</summary>
public sealed class DeliveryHistoryOptions
{
    public const string SectionName = "Delivery:History";

    /// <summary>Between two retries of the steps assistance has not recorded yet (default 30 s).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary><c>Delivery:History</c>: a retry interval from a second to an hour.</summary>
internal sealed class DeliveryHistoryOptionsValidator : IValidateOptions<DeliveryHistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryHistoryOptions options) =>
        options.RetryInterval >= TimeSpan.FromSeconds(1) && options.RetryInterval <= TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DeliveryHistoryOptions.SectionName}:{nameof(DeliveryHistoryOptions.RetryInterval)} must be between 00:00:01 and 01:00:00.");
}
