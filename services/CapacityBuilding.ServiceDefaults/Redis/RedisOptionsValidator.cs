using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// <c>Redis:ConnectionString</c> must be one StackExchange.Redis can use: parsed now, with at
/// least one endpoint. Whether Redis answers is not checked: the service starts while Redis is
/// down and reports NOT_SERVING until it is back. A user needs a password: every ACL user of
/// the deployment has one, so a user without one is a missing Secret, not a choice.
/// </summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    private const string Key = RedisOptions.SectionName + ":" + nameof(RedisOptions.ConnectionString);

    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a StackExchange.Redis configuration string: {exception.Message}");
        }

        if (parsed.EndPoints.Count == 0)
        {
            return ValidateOptionsResult.Fail($"{Key} names no Redis endpoint; set e.g. localhost:6379.");
        }

        return !string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password)
            ? ValidateOptionsResult.Fail($"{RedisOptions.SectionName}:{nameof(RedisOptions.User)} is set but {RedisOptions.SectionName}:{nameof(RedisOptions.Password)} is empty.")
            : ValidateOptionsResult.Success;
    }
}
