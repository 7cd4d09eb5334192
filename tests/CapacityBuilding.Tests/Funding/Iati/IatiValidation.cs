using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CapacityBuilding.Tests.Funding.Iati;

/// <summary>
/// Everything IATI checks an activity file against, as far as our data reaches: the 2.03 activity
/// schema, the IATI Standard ruleset and the code lists. The files are vendored next to this class
/// (see the READMEs) and copied to the test output; a missing file is a failure, not a skip.
/// </summary>
public static class IatiValidation
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    private static readonly Lazy<JsonDocument> Ruleset = new(() =>
        JsonDocument.Parse(File.ReadAllText(Required(Path.Combine(AppContext.BaseDirectory, "Funding", "Iati", "Rulesets", "standard.json")))));

    /// <summary>The ruleset as of now (its date rules compare with the current time).</summary>
    public static IatiStandardRuleset StandardRuleset() =>
        new(Ruleset.Value.RootElement, IatiCodelists.Codes("OrganisationRegistrationAgency"), DateTimeOffset.UtcNow);

    /// <summary>Every schema error, broken rule (errors and warnings) and unknown code of the document; empty when IATI would accept it.</summary>
    public static IReadOnlyList<string> Problems(string xml)
    {
        var document = XDocument.Parse(xml);
        var problems = new List<string>();
        document.Validate(Schemas.Value, (_, e) => problems.Add($"schema {e.Severity}: {e.Message}"));
        problems.AddRange(StandardRuleset().Failures(document));
        problems.AddRange(IatiCodelists.Failures(document));
        return problems;
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var main = Required(Path.Combine(AppContext.BaseDirectory, "Funding", "Iati", "Schemas", "iati-activities-schema.xsd"));
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(main, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() }))
        {
            schemas.Add(null, reader);
        }

        schemas.Compile();
        return schemas;
    }

    private static string Required(string file)
    {
        Assert.True(File.Exists(file), $"A vendored IATI file is missing from the test output: expected {file}.");
        return file;
    }
}
