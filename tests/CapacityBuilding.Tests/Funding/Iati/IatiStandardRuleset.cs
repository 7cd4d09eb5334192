using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;

namespace CapacityBuilding.Tests.Funding.Iati;

/// <summary>
/// The IATI Standard ruleset (<c>Rulesets/standard.json</c>, vendored from IATI/IATI-Rulesets, see
/// its README) applied to a document: every case of every rule, in XPath 1.0 as the ruleset writes
/// them, with the semantics of the reference implementation (iatirulesets/__init__.py in the same
/// repository). Where that implementation reads only the first match (dates), every match is held
/// to the rule. Rules whose context is not in the document (organisation files, results) do not
/// apply; a rule type this class does not know fails the check rather than being skipped.
/// </summary>
public sealed class IatiStandardRuleset
{
    private static readonly IXmlNamespaceResolver Namespaces = new XmlNamespaceManager(new NameTable());

    private readonly JsonElement rules;
    private readonly IReadOnlySet<string> registrationAgencies;
    private readonly DateTimeOffset now;

    public IatiStandardRuleset(JsonElement rules, IReadOnlySet<string> registrationAgencies, DateTimeOffset now)
    {
        this.rules = rules;
        this.registrationAgencies = registrationAgencies;
        this.now = now;
    }

    /// <summary>The ids of every rule the ruleset states.</summary>
    public IReadOnlySet<string> RuleIds =>
        rules.EnumerateObject().SelectMany(context => context.Value.EnumerateObject()).SelectMany(rule => Cases(rule.Value)).SelectMany(RuleIdsOf).ToHashSet();

    /// <summary>Each failing case as "id (severity): message [context identifier]".</summary>
    public IReadOnlyList<string> Failures(XDocument document) =>
        [.. from context in rules.EnumerateObject()
            from element in document.XPathSelectElements(context.Name, Namespaces)
            from rule in context.Value.EnumerateObject()
            from ruleCase in Cases(rule.Value)
            from failure in Test(element, rule.Name, ruleCase, new Dictionary<string, string>())
            select $"{failure} [{context.Name} {element.Element("iati-identifier")?.Value}]"];

    private static JsonElement.ArrayEnumerator Cases(JsonElement rule) => rule.GetProperty("cases").EnumerateArray();

    private static IEnumerable<string> RuleIdsOf(JsonElement ruleCase) =>
        ruleCase.TryGetProperty("ruleInfo", out var info)
            ? [info.GetProperty("id").GetString()!]
            : ruleCase.GetProperty("do").EnumerateObject().SelectMany(rule => Cases(rule.Value)).SelectMany(RuleIdsOf);

    /// <summary>What fails of one case: nothing when it passes or does not apply.</summary>
    private IEnumerable<string> Test(XElement element, string rule, JsonElement ruleCase, IReadOnlyDictionary<string, string> substitutions)
    {
        string Text(string key) => Substitute(ruleCase.GetProperty(key).GetString()!, substitutions);
        IReadOnlyList<string> Paths() => ruleCase.TryGetProperty("paths", out var paths)
            ? [.. paths.EnumerateArray().SelectMany(path => Texts(element, Substitute(path.GetString()!, substitutions)))]
            : [];

        if (ruleCase.TryGetProperty("condition", out _) && !Truth(element, Text("condition")))
        {
            return [];
        }

        if (rule == "loop")
        {
            return Loop(element, ruleCase);
        }

        bool? passed = rule switch
        {
            "atleast_one" => Paths().Count >= 1,
            "no_more_than_one" => Paths().Count <= 1,
            "unique" => Paths().Count == Paths().Distinct(StringComparer.Ordinal).Count(),
            "one_or_all" => OneOrAll(element, Text("one"), Text("all")),
            "dependent" => ruleCase.GetProperty("paths").EnumerateArray().Select(path => Texts(element, path.GetString()!).Count > 0).Distinct().Count() <= 1,
            "date_now" => Texts(element, Text("date")) is [var date, ..] ? DateTimeOffset.Parse(date, CultureInfo.InvariantCulture) < now : null,
            "date_order" => DateOrder(Dates(element, Text("less")), Dates(element, Text("more"))),
            "time_limit" => (Dates(element, Text("start")), Dates(element, Text("end"))) is ([var start, ..], [var end, ..]) ? end <= start.AddYears(1) : null,
            "between_dates" => Dates(element, Text("date")) is [var day, ..] ? Dates(element, Text("start"))[0] < day && day < Dates(element, Text("end"))[0] : null,
            "regex_matches" => Paths().All(text => Regex.IsMatch(text, Text("regex"), RegexOptions.None, TimeSpan.FromSeconds(1))),
            "regex_no_matches" => Paths().All(text => !Regex.IsMatch(text, Text("regex"), RegexOptions.None, TimeSpan.FromSeconds(1))),
            "no_spaces" => Paths().All(text => text.Trim() == text),
            "if_then" => !Truth(element, Text("if")) || Truth(element, Text("then")),
            "strict_sum" => Paths().Sum(Decimal) == ruleCase.GetProperty("sum").GetDecimal(),
            "sum" => Paths().Count == 0 || Paths().Sum(Decimal) == ruleCase.GetProperty("sum").GetDecimal(),
            "range" => Paths().All(text => InRange(Decimal(text), ruleCase)),
            "startswith" => StartsWith(element, ruleCase, Paths()),
            _ => throw new InvalidOperationException($"The ruleset has a rule type {nameof(IatiStandardRuleset)} does not implement: {rule}."),
        };

        var info = ruleCase.GetProperty("ruleInfo");
        return passed == false
            ? [$"{info.GetProperty("id").GetString()} ({info.GetProperty("severity").GetString()}): {info.GetProperty("message").GetString()}"]
            : [];
    }

    /// <summary>A loop runs its inner rules once per distinct value of <c>foreach</c>, with <c>$1</c> replaced by it.</summary>
    private IEnumerable<string> Loop(XElement element, JsonElement loop) =>
        from value in Texts(element, loop.GetProperty("foreach").GetString()!).Distinct(StringComparer.Ordinal)
        from rule in loop.GetProperty("do").EnumerateObject()
        from inner in Cases(rule.Value)
        from failure in Test(element, rule.Name, inner, new Dictionary<string, string> { ["$1"] = value })
        select failure;

    private static bool OneOrAll(XElement element, string one, string all)
    {
        if (Texts(element, one).Count > 0)
        {
            return true;
        }

        return all switch
        {
            "lang" => element.Descendants("narrative").All(narrative => narrative.Attribute(XNamespace.Xml + "lang") is not null),
            "sector" => element.Elements("transaction").All(transaction => transaction.Element("sector") is not null),
            "currency" => element.Descendants().Where(descendant => descendant.Name.LocalName is "value" or "forecast" or "loan-status").All(value => value.Attribute("currency") is not null),
            _ => true,
        };
    }

    /// <summary>Each reporting organisation identifier, or activity identifier, begins with one of the allowed prefixes and the separator.</summary>
    private bool StartsWith(XElement element, JsonElement ruleCase, IReadOnlyList<string> values)
    {
        var separator = ruleCase.TryGetProperty("separator", out var given) ? given.GetString()! : "";
        var prefixes = ruleCase.GetProperty("prefix").EnumerateArray()
            .SelectMany<JsonElement, string>(prefix => prefix.GetString() == "ORG-ID-PREFIX" ? registrationAgencies : Texts(element, prefix.GetString()!))
            .Select(prefix => prefix + (separator.Length > 0 ? separator : "-"))
            .ToList();
        return values.All(value => prefixes.Any(prefix => value.StartsWith(prefix, StringComparison.Ordinal)));
    }

    private static bool? DateOrder(IReadOnlyList<DateOnly> less, IReadOnlyList<DateOnly> more) =>
        less.Count == 0 || more.Count == 0 ? null : less.All(early => more.All(late => early <= late));

    private IReadOnlyList<DateOnly> Dates(XElement element, string path) =>
        path is "NOW" or "TODAY"
            ? [DateOnly.FromDateTime(now.UtcDateTime)]
            : [.. Texts(element, path).Select(text => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private static bool InRange(decimal value, JsonElement ruleCase) =>
        (!ruleCase.TryGetProperty("min", out var min) || min.GetDecimal() <= value) && (!ruleCase.TryGetProperty("max", out var max) || value <= max.GetDecimal());

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Substitute(string text, IReadOnlyDictionary<string, string>? substitutions) =>
        substitutions?.Aggregate(text, (current, pair) => current.Replace(pair.Key, pair.Value, StringComparison.Ordinal)) ?? text;

    /// <summary>The text of every node an XPath selects (an element's text, an attribute's value), or the one value an expression computes.</summary>
    private static IReadOnlyList<string> Texts(XElement element, string path) => element.XPathEvaluate(path, Namespaces) switch
    {
        IEnumerable<object> nodes => [.. nodes.Select(node => node switch
        {
            XElement found => found.Value,
            XAttribute attribute => attribute.Value,
            XText text => text.Value,
            _ => node.ToString() ?? "",
        })],
        bool flag => flag ? ["true"] : [],
        var scalar => [Convert.ToString(scalar, CultureInfo.InvariantCulture) ?? ""],
    };

    /// <summary>An XPath result as XPath's boolean() reads it: a non-empty node set, true, a non-zero number, a non-empty string.</summary>
    private static bool Truth(XElement element, string expression) => element.XPathEvaluate(expression, Namespaces) switch
    {
        IEnumerable<object> nodes => nodes.Any(),
        bool flag => flag,
        double number => number != 0 && !double.IsNaN(number),
        string text => text.Length > 0,
        _ => false,
    };
}
