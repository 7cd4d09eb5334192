using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// <c>Redis:ConnectionString</c> must be one StackExchange.Redis can use: parsed now, with at
/// least one endpoint. Whether Redis answers is not checked: the service starts while Redis is
/// down and reports NOT_SERVING until it is back.
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

        return parsed.EndPoints.Count == 0
            ? ValidateOptionsResult.Fail($"{Key} names no Redis endpoint; set e.g. localhost:6379.")
            : ValidateOptionsResult.Success;
    }
}
