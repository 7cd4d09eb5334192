using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary><c>RateLimiting</c>: buckets that let a caller through at all.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    private const string Section = RateLimitingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (options.BurstLimit < 1)
        {
            failures.AddError($"{Section}:{nameof(RateLimitingOptions.BurstLimit)} must be at least 1.");
        }

        if (options.PermitsPerSecond < 1)
        {
            failures.AddError($"{Section}:{nameof(RateLimitingOptions.PermitsPerSecond)} must be at least 1.");
        }

        if (options.ReportBurstLimit < 1)
        {
            failures.AddError($"{Section}:{nameof(RateLimitingOptions.ReportBurstLimit)} must be at least 1.");
        }

        if (options.ReportPermitsPerMinute < 1)
        {
            failures.AddError($"{Section}:{nameof(RateLimitingOptions.ReportPermitsPerMinute)} must be at least 1.");
        }

        return failures.Build();
    }
}
