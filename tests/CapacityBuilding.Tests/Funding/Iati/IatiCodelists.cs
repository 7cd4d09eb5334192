using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;

namespace CapacityBuilding.Tests.Funding.Iati;

/// <summary>
/// The IATI code lists an export's codes are drawn from (<c>Codelists/*.xml</c>, vendored from
/// IATI/IATI-Codelists and IATI/IATI-Codelists-NonEmbedded, see the README): each coded attribute
/// the export writes, held against its list, as IATI's validator does. A code a list has withdrawn
/// counts as missing.
/// </summary>
public static class IatiCodelists
{
    /// <summary>Which list each coded attribute draws from, by XPath from an activity.</summary>
    private static readonly (string Path, string List)[] CodedAttributes =
    [
        ("activity-status/@code", "ActivityStatus"),
        ("activity-date/@type", "ActivityDateType"),
        ("participating-org/@role", "OrganisationRole"),
        (".//*[self::reporting-org or self::participating-org or self::provider-org or self::receiver-org]/@type", "OrganisationType"),
        ("transaction/transaction-type/@code", "TransactionType"),
        ("budget/@type", "BudgetType"),
        ("budget/@status", "BudgetStatus"),
        ("description/@type", "DescriptionType"),
        ("sector/@vocabulary", "SectorVocabulary"),
        ("sector[@vocabulary='1' or not(@vocabulary)]/@code", "Sector"),
        ("recipient-country/@code", "Country"),
        (".//@currency", "Currency"),
        ("descendant-or-self::*/@xml:lang", "Language"),
        ("result/@type", "ResultType"),
        ("result/indicator/@measure", "IndicatorMeasure"),
    ];

    private static readonly IXmlNamespaceResolver Namespaces = new XmlNamespaceManager(new NameTable());

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Funding", "Iati", "Codelists");

    /// <summary>The active codes of one list.</summary>
    public static IReadOnlySet<string> Codes(string list)
    {
        var file = Path.Combine(Folder, list + ".xml");
        Assert.True(File.Exists(file), $"The IATI code list {list} is missing from the test output: expected {file}.");
        return XDocument.Load(file).Descendants("codelist-item")
            .Where(item => (string?)item.Attribute("status") is null or "active")
            .Select(item => item.Element("code")!.Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Each coded attribute of each activity whose value its list does not hold.</summary>
    public static IReadOnlyList<string> Failures(XDocument document)
    {
        var lists = CodedAttributes.Select(coded => coded.List).Distinct().ToDictionary(list => list, Codes);
        return [.. from activity in document.Root!.Elements("iati-activity")
            from coded in CodedAttributes
            from attribute in ((IEnumerable<object>)activity.XPathEvaluate(coded.Path, Namespaces)).Cast<XAttribute>()
            where !lists[coded.List].Contains(attribute.Value)
            select $"{attribute.Parent!.Name.LocalName}/@{attribute.Name.LocalName}='{attribute.Value}' is not in the IATI code list {coded.List} [{activity.Element("iati-identifier")?.Value}]"];
    }
}
