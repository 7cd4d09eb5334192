using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Domain.Convention;

/// <summary>
/// <c>conventionStatuses/{country}</c>. The id is an ISO 3166-1 alpha-3 code, not a generated id, so
/// these names are not read by <see cref="ServiceDefaults.Resources.ResourceName{TName}"/> (whose ids are UUIDs).
/// </summary>
public static class ConventionStatusNames
{
    public const string ResourceType = "ConventionStatus";
    public const string Pattern = "conventionStatuses/{country}";

    private const string Collection = "conventionStatuses/";

    public static string Format(string country) => Collection + country;

    /// <summary>The name's country; INVALID_ARGUMENT naming <paramref name="field"/> unless it is an assigned ISO code.</summary>
    public static string Parse(string name, string field, ApiErrors errors)
    {
        var country = name.StartsWith(Collection, StringComparison.Ordinal) ? name[Collection.Length..] : "";
        if (!CountryCodes.IsAssigned(country))
        {
            throw errors.InvalidArgument(field, $"must be a resource name of the form {Pattern}, the country an assigned ISO 3166-1 alpha-3 code.");
        }

        return country;
    }
}
