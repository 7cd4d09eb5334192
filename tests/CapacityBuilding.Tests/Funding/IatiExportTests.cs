using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;

namespace CapacityBuilding.Tests.Funding;

/// <summary>The IATI export is valid against the IATI 2.03 activity schema and says what was funded.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class IatiExportTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Export_is_valid_iati_2_03_with_commitments_and_disbursements()
    {
        var schemas = IatiSchemas();
        var donor = await scenario.DonorAsync("IATI donor", "XM-DAC-7");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(5_000, "EUR") });
        var request = await scenario.RequestAsync("PRY");
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "EUR", Units = 1_200, Nanos = 500_000_000 }))).Allocation;
        await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation.Name,
            Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "EUR", Units = 200 }, DisbursementDate = FundingScenario.Today },
        });

        var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        var errors = new List<string>();
        var document = XDocument.Parse(xml);
        document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        Assert.Empty(errors);
        var activity = Assert.Single(document.Root!.Elements("iati-activity"),
            element => element.Element("iati-identifier")!.Value.EndsWith(request.Name["requests/".Length..], StringComparison.Ordinal));
        Assert.Equal("PY", activity.Element("recipient-country")?.Attribute("code")?.Value);
        Assert.Contains(activity.Elements("participating-org"), org => org.Attribute("ref")?.Value == "XM-DAC-7" && org.Attribute("role")?.Value == "1");
        var transactions = activity.Elements("transaction")
            .Select(transaction => (Type: transaction.Element("transaction-type")!.Attribute("code")!.Value, Value: transaction.Element("value")!.Value))
            .ToList();
        Assert.Equal([("2", "1200.5"), ("3", "200")], transactions);
    }

    [Fact]
    public async Task Texts_with_characters_xml_cannot_carry_are_exported_with_replacement_characters()
    {
        // The noncharacter U+FFFF passes validation (control characters and U+FFFE no longer do); the
        // export once answered INTERNAL for such texts (found by fuzzing).
        var request = Assistance.RequestLifecycleDriver.CompleteRequest(title: "Unit \uFFFF of \uFFFF cybercrime");
        request.Description = request.Title;
        var approved = await new Assistance.RequestLifecycleDriver(scenario.Assistance).CreateInStateAsync(
            Contracts.Assistance.V1.AssistanceRequest.Types.State.Approved, request);
        var donor = await scenario.DonorAsync("Donor\uFFFF", "XM-DAC-8");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(100) });
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, approved, new Money { CurrencyCode = "USD", Units = 10 }))).Allocation;
        try
        {
            var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

            var activity = Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"),
                element => element.Element("iati-identifier")!.Value.EndsWith(approved.Name["requests/".Length..], StringComparison.Ordinal));
            Assert.Equal("Unit \uFFFD of \uFFFD cybercrime", activity.Element("title")?.Element("narrative")?.Value);
            Assert.Contains(activity.Elements("participating-org"), org => org.Element("narrative")?.Value == "Donor\uFFFD");
        }
        finally
        {
            // Released and undisbursed, the request leaves the export that other tests validate.
            await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name });
        }
    }

    [Fact]
    public async Task A_withdrawn_request_with_money_paid_out_is_a_cancelled_activity()
    {
        var donor = await scenario.DonorAsync("Withdrawn donor", "XM-DAC-7");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(100) });
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }))).Allocation;
        await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation.Name,
            Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "USD", Units = 10 }, DisbursementDate = FundingScenario.Today },
        });
        await new Assistance.RequestLifecycleDriver(scenario.Assistance).ActAsync(request.Name, Contracts.Assistance.V1.HistoryEntry.Types.Action.Withdraw);

        var xml = (await scenario.Funding.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        var activity = Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"),
            element => element.Element("iati-identifier")!.Value.EndsWith(request.Name["requests/".Length..], StringComparison.Ordinal));
        Assert.Equal("5", activity.Element("activity-status")?.Attribute("code")?.Value);
    }

    /// <summary>
    /// The IATI 2.03 activity schema, vendored in <c>Funding/Iati/Schemas</c> (see its README) and
    /// copied to the build output. Its absence is a failure, not a skip: the export would go unchecked.
    /// </summary>
    private static XmlSchemaSet IatiSchemas()
    {
        var main = Path.Combine(AppContext.BaseDirectory, "Funding", "Iati", "Schemas", "iati-activities-schema.xsd");
        Assert.True(File.Exists(main), $"The IATI activity schema is missing from the test output: expected {main}.");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(main, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() }))
        {
            schemas.Add(null, reader);
        }

        schemas.Compile();
        return schemas;
    }
}
