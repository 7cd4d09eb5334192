using System.Text;
using CapacityBuilding.Contracts.Common.V1;
using FsCheck;
using FsCheck.Fluent;

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

    public const int CasesPerMethod = 60;

    private const int Size = 40;

    public static T[] Sample<T>(Gen<T> generator, int count = CasesPerMethod) =>
        Gen.Sample(generator, Size, new Rnd(Seed), count);

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
        Gen.SubListOf(Enum.GetValues<ThematicArea>().Where(area => area != Contracts.Common.V1.ThematicArea.Unspecified).ToArray())
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
}
