using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>Pledges of existing donors (CreatePledge), the donor named by its resource name or id.</summary>
public sealed class PledgeImport(ServiceClientFactory<FundingService.FundingServiceClient> funding, ImportCodeLists lists) : IImportKind
{
    public string Slug => "pledges";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("row_key", "request_id", ColumnValues.RowKey),
        new("donor", "parent", ColumnValues.Resource),
        new("amount", "pledge.amount", ColumnValues.Amount),
        new("currency", "pledge.amount.currency_code", ColumnValues.Currency),
        new("valid_from", "pledge.valid_from", ColumnValues.Day),
        new("valid_until", "pledge.valid_until", ColumnValues.Day),
        new("earmark_thematic_areas", "pledge.earmarks.thematic_areas", ColumnValues.Codes),
        new("earmark_countries", "pledge.earmarks.countries", ColumnValues.Codes),
    ];

    public ImportMapping Mapping()
    {
        var (areas, countries) = (lists.ThematicAreas(), lists.Countries());
        return new ImportMapping(row =>
        {
            var pledge = new Pledge
            {
                Amount = ImportValues.Money(row.Amount("amount"), row.Text("currency")),
                ValidFrom = ImportValues.Date(row.Day("valid_from")),
                ValidUntil = ImportValues.Date(row.Day("valid_until")),
            };
            var earmarks = new Earmarks { ThematicAreas = { row.Codes("earmark_thematic_areas", areas) }, Countries = { row.CodesOrText("earmark_countries", countries) } };
            if (earmarks.ThematicAreas.Count + earmarks.Countries.Count > 0)
            {
                pledge.Earmarks = earmarks;
            }

            return new CreatePledgeRequest { Parent = ImportValues.ResourceName("donors", row.Text("donor")), Pledge = pledge };
        }, new Dictionary<string, IEnumerable<(string, string)>>
        {
            ["earmark_thematic_areas"] = ImportValues.Listed(areas),
            ["earmark_countries"] = ImportValues.Listed(countries),
        });
    }

    public async Task<Timestamp?> SendAsync(IMessage create, CallOptions options) =>
        (await funding.Create().CreatePledgeAsync((CreatePledgeRequest)create, options)).Pledge?.CreateTime;
}
