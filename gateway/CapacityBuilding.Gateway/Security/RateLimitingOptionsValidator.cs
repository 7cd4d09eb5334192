using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary><c>RateLimiting</c>: buckets that let a caller, an address, a report caller and a public reader through at all.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        (string Key, int Value)[] limits =
        [
            (nameof(RateLimitingOptions.BurstLimit), options.BurstLimit),
            (nameof(RateLimitingOptions.PermitsPerSecond), options.PermitsPerSecond),
            (nameof(RateLimitingOptions.PerAddressBurstLimit), options.PerAddressBurstLimit),
            (nameof(RateLimitingOptions.PerAddressPermitsPerSecond), options.PerAddressPermitsPerSecond),
            (nameof(RateLimitingOptions.ReportBurstLimit), options.ReportBurstLimit),
            (nameof(RateLimitingOptions.ReportPermitsPerMinute), options.ReportPermitsPerMinute),
            (nameof(RateLimitingOptions.PublicBurstLimit), options.PublicBurstLimit),
            (nameof(RateLimitingOptions.PublicPermitsPerMinute), options.PublicPermitsPerMinute),
        ];
        foreach (var (key, value) in limits.Where(limit => limit.Value < 1))
        {
            failures.AddError($"{RateLimitingOptions.SectionName}:{key} must be at least 1.");
        }

        return failures.Build();
    }
}
