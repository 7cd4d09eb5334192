using CapacityBuilding.ServiceDefaults.Errors;
using Google.Rpc;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// Collects every problem of one request before answering, so that a caller fixes all its
/// fields in one round instead of one per call. Field paths follow AIP-193
/// (<c>assistance_request.thematic_areas[2]</c>).
/// </summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> violations = [];

    public bool IsEmpty => violations.Count == 0;

    public void Add(string field, string description) =>
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    public void AddRange(IEnumerable<BadRequest.Types.FieldViolation> found) => violations.AddRange(found);

    /// <summary>
    /// The violations sorted as the fields are declared in <paramref name="message"/>, so that
    /// annotated and hand-written rules read as one list; a field's own problem comes after those
    /// of its parts, and problems of one field keep the order they were found in.
    /// </summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> InDeclarationOrder(Google.Protobuf.Reflection.MessageDescriptor message) =>
        [.. violations.OrderBy(violation => FieldPathOrder.KeyOf(message, violation.Field), FieldPathOrder.Comparer)];

    public void RequireCountry(string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "is required: an ISO 3166-1 alpha-3 country code such as GHA.");
        }
        else if (!CountryCodes.IsAssigned(value))
        {
            Add(field, $"'{Truncate(value)}' is not an ISO 3166-1 alpha-3 country code.");
        }
    }

    /// <summary>
    /// A positive google.type.Money: an active ISO 4217 currency, nanos within ±999,999,999 and of
    /// the same sign as units, and at most <see cref="MoneyLimits.MaxUnits"/> units, so no total of
    /// such amounts leaves google.type.Money's range.
    /// </summary>
    public void RequirePositiveMoney(string field, Google.Type.Money? money)
    {
        if (money is null)
        {
            Add(field, "is required.");
            return;
        }

        if (!CurrencyCodes.IsActive(money.CurrencyCode))
        {
            Add($"{field}.currency_code", $"'{Truncate(money.CurrencyCode)}' is not an ISO 4217 currency code.");
        }

        if (money.Nanos is <= -1_000_000_000 or >= 1_000_000_000)
        {
            Add($"{field}.nanos", "must be between -999,999,999 and 999,999,999.");
        }
        else if ((money.Units > 0 && money.Nanos < 0) || (money.Units < 0 && money.Nanos > 0))
        {
            Add($"{field}.nanos", "must have the same sign as units.");
        }
        else if (money.Units < 0 || (money.Units == 0 && money.Nanos <= 0))
        {
            Add(field, "must be more than zero.");
        }
        else if (money.Units > MoneyLimits.MaxUnits || (money.Units == MoneyLimits.MaxUnits && money.Nanos > 0))
        {
            Add(field, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be at most {MoneyLimits.MaxUnits:#,0} units of its currency."));
        }
    }

    /// <summary>A defined, non-zero enum value. Unknown numbers sent by newer clients are rejected.</summary>
    public bool RequireEnum<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, "is required.");
            return false;
        }

        if (!Enum.IsDefined(value))
        {
            Add(field, $"has unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Names each item that repeats an earlier one. ProtoValidate's <c>repeated.unique</c> would
    /// name only the list, and callers are told which item to remove.
    /// </summary>
    public void RequireDistinct<T>(string field, IReadOnlyList<T> values, Func<T, string> describe)
    {
        var seen = new HashSet<T>();
        for (var i = 0; i < values.Count; i++)
        {
            if (!seen.Add(values[i]))
            {
                Add($"{field}[{i}]", $"repeats {describe(values[i])}.");
            }
        }
    }

    /// <summary>
    /// The time, if given and within what google.protobuf.Timestamp allows (years 1 to 9999,
    /// nanos 0 to 999,999,999); outside it the conversion would throw, so it is a field violation.
    /// </summary>
    public DateTimeOffset? OptionalTimestamp(string field, Google.Protobuf.WellKnownTypes.Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Seconds is < TimestampMinSeconds or > TimestampMaxSeconds || value.Nanos is < 0 or > 999_999_999)
        {
            Add(field, "is not a valid timestamp (0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z).");
            return null;
        }

        return value.ToDateTimeOffset();
    }

    // The range google.protobuf.Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long TimestampMinSeconds = -62_135_596_800;
    private const long TimestampMaxSeconds = 253_402_300_799;

    /// <summary>Throws INVALID_ARGUMENT with every violation collected, if there is any.</summary>
    public void ThrowIfAny(ApiErrors errors)
    {
        if (!IsEmpty)
        {
            throw errors.InvalidArgument(violations);
        }
    }

    // Echoing a caller's megabyte back in an error helps nobody.
    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
