using Microsoft.Extensions.Options;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary><c>Requests:Listing</c>: a scan budget of 1 to 100,000 entries (beyond that one call could block Redis for tens of milliseconds).</summary>
internal sealed class RequestListingOptionsValidator : IValidateOptions<RequestListingOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestListingOptions options) =>
        options.ScanBudget is < 1 or > 100_000
            ? ValidateOptionsResult.Fail($"{RequestListingOptions.SectionName}:{nameof(options.ScanBudget)} must be between 1 and 100000; it is {options.ScanBudget}.")
            : ValidateOptionsResult.Success;
}
