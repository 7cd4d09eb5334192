using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Deadlines;

/// <summary><c>Deadlines</c>: a call gets some time, and the service's share of it is not empty.</summary>
internal sealed class DeadlineOptionsValidator : IValidateOptions<DeadlineOptions>
{
    private const string Section = DeadlineOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DeadlineOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (options.Request <= TimeSpan.Zero)
        {
            failures.AddError($"{Section}:{nameof(DeadlineOptions.Request)} must be longer than zero.");
        }

        if (options.ServiceMargin < TimeSpan.Zero || options.ServiceMargin >= options.Request)
        {
            failures.AddError($"{Section}:{nameof(DeadlineOptions.ServiceMargin)} must be zero or more and shorter than {Section}:{nameof(DeadlineOptions.Request)}.");
        }

        return failures.Build();
    }
}
