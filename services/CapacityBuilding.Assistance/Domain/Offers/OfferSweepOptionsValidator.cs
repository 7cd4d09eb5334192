using Microsoft.Extensions.Options;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// <c>Offers:Sweep</c>: an interval of 100 ms to one hour (offers past their time must not wait
/// longer to give back what they hold), a grace of at least one second and longer than a call to
/// another service can take, a batch of 1 to 10,000.
/// </summary>
internal sealed class OfferSweepOptionsValidator : IValidateOptions<OfferSweepOptions>
{
    private const string Section = OfferSweepOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, OfferSweepOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}{nameof(options.Interval)} must be between 00:00:00.1 and 01:00:00; it is {options.Interval}.");
        }

        if (options.AcceptingGrace < TimeSpan.FromSeconds(1) || options.AcceptingGrace > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}{nameof(options.AcceptingGrace)} must be between 00:00:01 and 1.00:00:00; it is {options.AcceptingGrace}.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{Section}{nameof(options.BatchSize)} must be between 1 and 10000; it is {options.BatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
