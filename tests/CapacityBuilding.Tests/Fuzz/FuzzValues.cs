using System.Buffers.Text;
using System.Text;
using CapacityBuilding.Contracts.Common.V1;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// FsCheck generators for the fields of our request messages: random values mixed with the
/// boundary values a validator must get right (empty, blank, over the length limits, undefined
/// enum numbers, lookalike names and codes). Sampled from a fixed seed, so a failure names an
/// input that reproduces on every run.
/// </summary>
internal static class FuzzValues
{
    /// <summary>Change to explore other inputs; the failing case is printed in any case.</summary>
    public const ulong Seed = 0x8_2026_1125;

    public const int CasesPerMethod = 40;

    private const int Size = 40;

    public static T[] Sample<T>(Gen<T> generator, int count = CasesPerMethod) =>
        Gen.Sample(generator, count, new Rnd(Seed), Size);

    /// <summary>
    /// A field that is usually valid and sometimes anything: with a dozen fields about one
    /// request in ten is valid as a whole and many have a single bad field, so the samples reach
    /// the storage scripts and the state checks behind validation, not only the validator.
    /// </summary>
    public static Gen<T> Mostly<T>(Gen<T> valid, Gen<T> any) => Gen.Frequency((7, valid), (1, any));

    /// <summary>
    /// The resource a change is aimed at: mostly one of <paramref name="pool"/> with its own etag
    /// (or none), sometimes a stale etag, an unknown or malformed name.
    /// </summary>
    public static Gen<(string Name, string Etag)> Target(string pattern, IReadOnlyList<(string Name, string Etag)> pool) =>
        from index in Gen.Choose(0, pool.Count - 1)
        from name in Mostly(Gen.Constant(pool[index].Name), NameOf(pattern, [.. pool.Select(item => item.Name)]))
        from etag in Mostly(Gen.Elements(pool[index].Etag, ""), Etag([.. pool.Select(item => item.Etag)]))
        select (name, etag);

    public static Gen<string> ValidCountry { get; } = Gen.Elements("GHA", "VNM", "PRY", "KEN");

    /// <summary>Empty or valid text, for optional fields.</summary>
    public static Gen<string> ValidOptionalText => Gen.OneOf(Gen.Constant(""), ValidTitle);

    public static Gen<string[]> UnLanguages { get; } =
        Gen.SubListOf("ar", "en", "es", "fr", "ru", "zh").Where(languages => languages.Count > 0).Select(languages => languages.ToArray());

    /// <summary>One defined value of the enum other than unspecified.</summary>
    public static Gen<TEnum> DefinedEnum<TEnum>()
        where TEnum : struct, System.Enum =>
        Gen.Elements(System.Enum.GetValues<TEnum>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0).ToArray());

    /// <summary>Distinct defined values of the enum, at least one.</summary>
    public static Gen<TEnum[]> DefinedEnums<TEnum>()
        where TEnum : struct, System.Enum =>
        Gen.SubListOf(System.Enum.GetValues<TEnum>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0).ToArray())
            .Where(values => values.Count > 0)
            .Select(values => values.ToArray());

    /// <summary>A day between <paramref name="fromDays"/> and <paramref name="toDays"/> from today (UTC).</summary>
    public static Gen<Date?> DayWithin(int fromDays, int toDays) =>
        Gen.Choose(fromDays, toDays).Select(offset => (Date?)Day(System.DateTime.UtcNow.Date.AddDays(offset)));

    /// <summary>A positive amount of a few thousand in a currency every test knows.</summary>
    public static Gen<Money?> SmallAmount(string currency = "USD") =>
        from units in Gen.Choose(0, 5000) from nanos in Gen.Elements(0, 1, 500_000_000, 999_999_999)
        where units > 0 || nanos > 0
        select (Money?)new Money { CurrencyCode = currency, Units = units, Nanos = nanos };

    public static Gen<string> ValidRequestId { get; } = Gen.OneOf(Gen.Constant(""), Gen.Fresh(() => Guid.NewGuid().ToString()));

    /// <summary>Any text protobuf can carry: random strings (lone surrogates made valid UTF-8) and edge cases.</summary>
    public static Gen<string> Text { get; } = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(value => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value ?? ""))),
        Gen.Elements(
            "", " ", "\t\n ", "\0", "x", new string('x', 200), new string('x', 201), new string('é', 5001),
            "Ωmrḥbā 中文 مرحبا", "requests/", "courses/../requests", "'; FLUSHALL; --", "{\"a\":[1,2", "%00%ff", "\u202Eevil"));

    public static Gen<string> Country { get; } = Gen.OneOf(Gen.Elements("GHA", "VNM", "PRY", "NOR", "gha", "XXX", "GH", "GHAA", ""), Text);

    public static Gen<string> Language { get; } = Gen.OneOf(Gen.Elements("en", "fr", "es", "ar", "ru", "zh", "pt", "EN", "en-GB", "x-klingon", ""), Text);

    public static Gen<string> Currency { get; } = Gen.OneOf(Gen.Elements("USD", "EUR", "NOK", "usd", "XXX", "US", ""), Text);

    public static Gen<ThematicArea> ThematicArea { get; } = Gen.Choose(-3, 40).Select(value => (ThematicArea)value);

    public static Gen<ThematicArea[]> ThematicAreas { get; } = ThematicArea.ArrayOf();

    public static Gen<ThematicArea[]> DefinedThematicAreas { get; } =
        Gen.SubListOf(System.Enum.GetValues<ThematicArea>().Where(area => area != Contracts.Common.V1.ThematicArea.Unspecified).ToArray())
            .Where(areas => areas.Count > 0)
            .Select(areas => areas.ToArray());

    /// <summary>Resource names of <paramref name="collection"/>: well-formed but unknown, malformed, or anything.</summary>
    public static Gen<string> NameIn(string collection) => Gen.OneOf(
        Gen.Elements(
            $"{collection}/0123456789abcdef0123456789abcdef",
            $"{collection}/0123456789ABCDEF0123456789ABCDEF",
            $"{collection}/",
            $"{collection}/x",
            $"{collection}/0123456789abcdef0123456789abcdef/extra",
            $"//{collection}/0123456789abcdef0123456789abcdef",
            "donors/0123456789abcdef0123456789abcdef/pledges/0123456789abcdef0123456789abcdef"),
        Text);

    public static Gen<string> RequestId { get; } = Gen.OneOf(Gen.Constant(""), Gen.Fresh(() => Guid.NewGuid().ToString()), Text);

    public static Gen<int> PageSize { get; } = Gen.OneOf(Gen.Choose(-5, 600), Gen.Elements(int.MinValue, int.MaxValue, 0, 500, 501));

    public static Gen<string> PageToken { get; } = Gen.OneOf(
        Gen.Elements("", "djEKcmVxdWVzdHMKZmY", "djEKY291cnNlcwpmZg", "djEKZG9ub3JzCmZm", "not base64 !", "djIKeAp5"),
        Text);

    public static Gen<long> Units { get; } = Gen.OneOf(Gen.Choose(-1000, 1_000_000).Select(value => (long)value), Gen.Elements(long.MinValue, long.MaxValue, 0L));

    public static Gen<int> Nanos { get; } = Gen.OneOf(Gen.Choose(-1_000_000_000, 1_000_000_000), Gen.Elements(int.MinValue, int.MaxValue, 0, 999_999_999));

    /// <summary>Text a validator must accept as a required field, already trimmed (the services trim).</summary>
    public static Gen<string> ValidTitle { get; } =
        Gen.Choose(1, 200).SelectMany(length => Gen.Elements("abcdefghij ÉéΩ中文-".ToCharArray()).ArrayOf(length))
            .Select(chars => new string(chars).Trim())
            .Where(title => title.Length > 0);

    /// <summary>Any number of an enum: its defined values, unspecified (0) and numbers it does not define.</summary>
    public static Gen<TEnum> Enum<TEnum>()
        where TEnum : struct, System.Enum =>
        Gen.Choose(-2, System.Enum.GetValues<TEnum>().Select(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)).Max() + 3)
            .Select(value => (TEnum)System.Enum.ToObject(typeof(TEnum), value));

    /// <summary>Resource names of a nested collection: the <paramref name="known"/> ones, lookalikes and anything.</summary>
    public static Gen<string> NameOf(string pattern, params string[] known) => Gen.OneOf(
        known.Length == 0 ? NameIn(pattern) : Gen.Elements(known),
        NameIn(pattern),
        Gen.Elements(known.Select(name => name.ToUpperInvariant()).Append(pattern + "/0123456789abcdef0123456789abcdef").ToArray()));

    public static Gen<string> Etag(params string[] current) =>
        Gen.OneOf(Gen.Elements(current.Append("").Append("W/\"0\"").Append("stale").ToArray()), Text);

    /// <summary>Real days near today, impossible days (30 February, month 13, year 0 or 10000) and partial dates.</summary>
    public static Gen<Date?> CalendarDate { get; } = Gen.OneOf(
        Gen.Choose(-800, 800).Select(offset => (Date?)Day(System.DateTime.UtcNow.Date.AddDays(offset))),
        Gen.Elements<Date?>(
            null,
            new Date(),
            new Date { Year = 2025, Month = 2, Day = 29 },
            new Date { Year = 2024, Month = 2, Day = 29 },
            new Date { Year = 2025, Month = 13, Day = 1 },
            new Date { Year = 2025, Month = 4, Day = 31 },
            new Date { Year = 2025, Month = 0, Day = 0 },
            new Date { Year = 2025, Month = 6, Day = 0 },
            new Date { Year = 0, Month = 1, Day = 1 },
            new Date { Year = 1, Month = 1, Day = 1 },
            new Date { Year = 9999, Month = 12, Day = 31 },
            new Date { Year = 10_000, Month = 1, Day = 1 },
            new Date { Year = -1, Month = -1, Day = -1 },
            new Date { Year = int.MaxValue, Month = int.MaxValue, Day = int.MaxValue }));

    /// <summary>Times near now, the ends of the range google.protobuf.Timestamp allows, and beyond it.</summary>
    public static Gen<Timestamp?> Instant { get; } = Gen.OneOf(
        Gen.Choose(-1000, 1000).Select(hours => (Timestamp?)Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(hours * 24.7))),
        Gen.Elements<Timestamp?>(
            null,
            new Timestamp(),
            new Timestamp { Seconds = -62_135_596_800 },
            new Timestamp { Seconds = -62_135_596_801 },
            new Timestamp { Seconds = 253_402_300_799, Nanos = 999_999_999 },
            new Timestamp { Seconds = 253_402_300_800 },
            new Timestamp { Seconds = long.MaxValue },
            new Timestamp { Seconds = long.MinValue },
            new Timestamp { Seconds = 1_800_000_000, Nanos = -1 },
            new Timestamp { Seconds = 1_800_000_000, Nanos = 1_000_000_000 }));

    public static Gen<Money?> Amount { get; } = Gen.OneOf(
        Gen.Constant<Money?>(null),
        from currency in Currency from units in Units from nanos in Nanos select (Money?)new Money { CurrencyCode = currency, Units = units, Nanos = nanos });

    /// <summary>Update masks over <paramref name="fields"/>: none, some of them, <c>*</c>, and paths that are not fields or not writable.</summary>
    public static Gen<FieldMask?> Mask(params string[] fields) => Gen.OneOf(
        Gen.Constant<FieldMask?>(null),
        Gen.Constant<FieldMask?>(new FieldMask { Paths = { "*" } }),
        Gen.SubListOf(fields).Select(paths => (FieldMask?)new FieldMask { Paths = { paths } }),
        Gen.Elements("*", "name", "etag", "create_time", "state", "status", "nope", "title.x", "", "a..b", fields[0], fields[0] + ".")
            .ArrayOf().Select(paths => (FieldMask?)new FieldMask { Paths = { paths } }));

    /// <summary>
    /// Page tokens in this service's format for the listing <paramref name="scope"/> but with an
    /// id or offset no listing handed out (negative, huge, not a number, empty), besides foreign tokens.
    /// </summary>
    public static Gen<string> PageTokenFor(string scope) => Gen.OneOf(
        PageToken,
        Gen.OneOf(Text, Gen.Elements("0", "-1", "1", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "ff", "~", "0123456789abcdef0123456789abcdef"))
            .Select(last => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1\n{scope}\n{last}"))));

    public static Date Day(System.DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
