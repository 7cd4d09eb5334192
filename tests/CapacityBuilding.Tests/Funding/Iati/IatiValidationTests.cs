using System.Xml.Linq;

namespace CapacityBuilding.Tests.Funding.Iati;

/// <summary>The checks the export is held to can fail: each broken rule of a hand-made activity is reported by its IATI rule id.</summary>
public sealed class IatiValidationTests
{
    private const string Valid = """
        <iati-activities version="2.03">
          <iati-activity xml:lang="en" last-updated-datetime="2026-01-05T10:00:00Z">
            <iati-identifier>XM-DAC-41128-1</iati-identifier>
            <reporting-org ref="XM-DAC-41128" type="40"><narrative xml:lang="en">UNODC</narrative></reporting-org>
            <title><narrative xml:lang="en">Title</narrative></title>
            <description type="1"><narrative xml:lang="en">Description</narrative></description>
            <participating-org ref="XM-DAC-41128" type="40" role="4"><narrative xml:lang="en">UNODC</narrative></participating-org>
            <activity-status code="2"/>
            <activity-date type="1" iso-date="2026-01-01"/>
            <activity-date type="2" iso-date="2026-01-10"/>
            <activity-date type="3" iso-date="2026-12-31"/>
            <activity-date type="4" iso-date="2026-01-14"/>
            <recipient-country code="GH" percentage="100"/>
            <sector vocabulary="1" code="15130" percentage="100"/>
            <sector vocabulary="99" vocabulary-uri="https://docs.un.org/en/A/RES/79/243" code="LEGISLATION" percentage="100"><narrative xml:lang="en">Legislation</narrative></sector>
            <budget type="1" status="1">
              <period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/>
              <value currency="USD" value-date="2026-01-01">100</value>
            </budget>
            <transaction>
              <transaction-type code="11"/><transaction-date iso-date="2026-01-05"/>
              <value currency="USD" value-date="2026-01-05">100</value>
              <provider-org ref="XM-DAC-8" type="10"><narrative xml:lang="en">Norway</narrative></provider-org>
              <receiver-org ref="XM-DAC-41128" type="40"><narrative xml:lang="en">UNODC</narrative></receiver-org>
            </transaction>
            <result type="2">
              <title><narrative xml:lang="en">Investigators preserve electronic evidence</narrative></title>
              <indicator measure="1">
                <title><narrative xml:lang="en">Investigators certified</narrative></title>
                <description><narrative xml:lang="en">investigators</narrative></description>
                <baseline year="2025" iso-date="2025-12-01" value="0"/>
                <period>
                  <period-start iso-date="2025-12-01"/><period-end iso-date="2026-06-30"/>
                  <target value="40"/>
                  <actual value="12.5"><comment><narrative xml:lang="en">First course</narrative></comment></actual>
                </period>
              </indicator>
            </result>
          </iati-activity>
        </iati-activities>
        """;

    [Fact]
    public void A_valid_activity_passes_the_schema_the_ruleset_and_the_code_lists() => Assert.Empty(IatiValidation.Problems(Valid));

    [Theory]
    [InlineData("<transaction-date iso-date=\"2026-01-05\"/>", "<transaction-date iso-date=\"2999-01-05\"/>", "11.2.1")]
    [InlineData("value-date=\"2026-01-05\"", "value-date=\"2999-01-05\"", "11.2.2")]
    [InlineData("last-updated-datetime=\"2026-01-05T10:00:00Z\"", "last-updated-datetime=\"2999-01-05T10:00:00Z\"", "11.1.1")]
    [InlineData("<narrative xml:lang=\"en\">Legislation</narrative>", "", "2.2.1")]
    [InlineData("<period-end iso-date=\"2026-12-31\"/>", "<period-end iso-date=\"2027-06-30\"/>", "7.5.3")]
    [InlineData("<activity-date type=\"3\" iso-date=\"2026-12-31\"/>", "<activity-date type=\"3\" iso-date=\"2025-12-31\"/>", "11.1.2")]
    [InlineData("<iati-identifier>XM-DAC-41128-1</iati-identifier>", "<iati-identifier>XM-DAC-8-1</iati-identifier>", "1.1.21")]
    [InlineData("reporting-org ref=\"XM-DAC-41128\"", "reporting-org ref=\"ZZ-NOPE-41128\"", "1.14.8")]
    [InlineData("code=\"LEGISLATION\" percentage=\"100\"", "code=\"LEGISLATION\" percentage=\"90\"", "2.1.4")]
    [InlineData("ref=\"XM-DAC-8\"", "ref=\"XM-DAC-8/1\"", "1.10.13")]
    [InlineData("<activity-date type=\"1\" iso-date=\"2026-01-01\"/>\n    <activity-date type=\"2\" iso-date=\"2026-01-10\"/>", "", "6.11.1")]
    [InlineData("<activity-date type=\"4\" iso-date=\"2026-01-14\"/>", "<activity-date type=\"4\" iso-date=\"2026-01-09\"/>", "11.1.3")]
    [InlineData("<activity-date type=\"2\" iso-date=\"2026-01-10\"/>", "<activity-date type=\"2\" iso-date=\"2999-01-10\"/>", "11.1.4")]
    [InlineData("<activity-date type=\"4\" iso-date=\"2026-01-14\"/>", "<activity-date type=\"4\" iso-date=\"2999-01-14\"/>", "11.1.5")]
    [InlineData("<period-end iso-date=\"2026-06-30\"/>", "<period-end iso-date=\"2025-06-30\"/>", "8.6.1")]
    [InlineData("<baseline year=\"2025\" iso-date=\"2025-12-01\" value=\"0\"/>", "<baseline year=\"2025\" iso-date=\"2025-12-01\"/>", "8.8.1")]
    [InlineData("value=\"0\"/>", "value=\"none\"/>", "8.8.2")]
    [InlineData("<target value=\"40\"/>", "<target/>", "8.9.1")]
    [InlineData("<target value=\"40\"/>", "<target value=\"4e1\"/>", "8.9.2")]
    [InlineData("<actual value=\"12.5\">", "<actual>", "8.10.1")]
    [InlineData("<actual value=\"12.5\">", "<actual value=\"1,25\">", "8.10.2")]
    public void A_broken_rule_is_reported_by_its_id(string original, string broken, string ruleId)
    {
        var document = Valid.Replace(original, broken, StringComparison.Ordinal);
        Assert.NotEqual(Valid, document);

        Assert.Contains(IatiValidation.StandardRuleset().Failures(XDocument.Parse(document)), failure => failure.StartsWith(ruleId + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<activity-status code=\"2\"/>", "<activity-status code=\"7\"/>")]
    [InlineData("<transaction-type code=\"11\"/>", "<transaction-type code=\"14\"/>")]
    [InlineData("code=\"15130\"", "code=\"15100\"")]
    [InlineData("role=\"4\"", "role=\"5\"")]
    [InlineData("<result type=\"2\">", "<result type=\"4\">")]
    [InlineData("<indicator measure=\"1\">", "<indicator measure=\"6\">")]
    public void A_code_that_is_not_in_its_iati_code_list_is_reported(string original, string broken) =>
        Assert.NotEmpty(IatiCodelists.Failures(XDocument.Parse(Valid.Replace(original, broken, StringComparison.Ordinal))));
}
