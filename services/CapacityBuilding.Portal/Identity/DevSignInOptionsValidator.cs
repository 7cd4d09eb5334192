using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// <c>Portal:DevSignIn</c>: at least one user, unique keys, a known role, a country for a focal
/// point and a donor's name for a donor, so that every listed user can sign in.
/// </summary>
internal sealed class DevSignInOptionsValidator : IValidateOptions<DevSignInOptions>
{
    private const string Section = DevSignInOptions.SectionName + ":" + nameof(DevSignInOptions.Users);

    public ValidateOptionsResult Validate(string? name, DevSignInOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (options.Users.Count == 0)
        {
            failures.AddError($"{Section} must list at least one demo user.");
        }

        foreach (var (user, index) in options.Users.Select((user, index) => (user, index)))
        {
            if (string.IsNullOrWhiteSpace(user.Key) || string.IsNullOrWhiteSpace(user.DisplayName) || string.IsNullOrWhiteSpace(user.Subject))
            {
                failures.AddError($"{Section}:{index} needs a Key, a DisplayName and a Subject.");
            }

            if (!CallerClaims.RolesByClaimValue.TryGetValue(user.Role, out var role) || role == CallerRole.Service)
            {
                failures.AddError($"{Section}:{index}:Role must be member_state, coordinator, donor or auditor.");
            }
            else if (role == CallerRole.MemberState && string.IsNullOrWhiteSpace(user.Country))
            {
                failures.AddError($"{Section}:{index}:Country is required for a member_state user.");
            }
            else if (role == CallerRole.Donor && string.IsNullOrWhiteSpace(user.DonorDisplayName))
            {
                failures.AddError($"{Section}:{index}:DonorDisplayName is required for a donor user.");
            }
        }

        if (options.Users.GroupBy(user => user.Key, StringComparer.Ordinal).Any(group => group.Count() > 1))
        {
            failures.AddError($"{Section}: every Key must be unique.");
        }

        return failures.Build();
    }
}
