using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Load;

internal sealed class ConcurrentCallOptionsValidator : IValidateOptions<ConcurrentCallOptions>
{
    public ValidateOptionsResult Validate(string? name, ConcurrentCallOptions options) =>
        options.MaxConcurrentCalls is >= 1 and <= ConcurrentCallOptions.MaxAllowed
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ConcurrentCallOptions.SectionName}:{nameof(ConcurrentCallOptions.MaxConcurrentCalls)} ({options.MaxConcurrentCalls}) must be between 1 and {ConcurrentCallOptions.MaxAllowed}.");
}
