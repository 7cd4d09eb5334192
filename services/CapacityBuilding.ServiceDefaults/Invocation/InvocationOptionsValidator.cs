using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// <c>Invocation</c>: a known mode, and a call deadline and reconnect back-off that leave a call
/// time to run. Each target's address is <see cref="InvocationTargetValidator"/>'s.
/// </summary>
internal sealed class InvocationOptionsValidator : IValidateOptions<InvocationOptions>
{
    private const string Section = InvocationOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, InvocationOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.AddError($"{Section}:{nameof(InvocationOptions.Mode)} must be {string.Join(" or ", Enum.GetNames<InvocationMode>())}.");
        }

        if (options.CallDeadline <= TimeSpan.Zero)
        {
            failures.AddError($"{Section}:{nameof(InvocationOptions.CallDeadline)} must be longer than zero.");
        }

        if (options.MaxReconnectBackoff <= TimeSpan.Zero)
        {
            failures.AddError($"{Section}:{nameof(InvocationOptions.MaxReconnectBackoff)} must be longer than zero.");
        }

        return failures.Build();
    }
}
