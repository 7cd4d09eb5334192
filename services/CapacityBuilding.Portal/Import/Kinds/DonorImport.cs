using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>Donors (CreateDonor).</summary>
public sealed class DonorImport(ServiceClientFactory<FundingService.FundingServiceClient> funding, ImportCodeLists lists) : IImportKind
{
    public string Slug => "donors";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("row_key", "request_id", ColumnValues.RowKey),
        new("display_name", "donor.display_name"),
        new("donor_kind", "donor.kind", ColumnValues.Code),
        new("country", "donor.country", ColumnValues.Country),
        new("iati_identifier", "donor.iati_identifier"),
    ];

    public ImportMapping Mapping()
    {
        var (kinds, countries) = (lists.DonorKinds(), lists.Countries());
        return new ImportMapping(row => new CreateDonorRequest
        {
            Donor = new Donor
            {
                DisplayName = row.Text("display_name"),
                Kind = row.Code("donor_kind", kinds) ?? Donor.Types.Kind.Unspecified,
                Country = row.CodeOrText("country", countries),
                IatiIdentifier = row.Text("iati_identifier"),
            },
        }, new Dictionary<string, IEnumerable<(string, string)>>
        {
            ["donor_kind"] = ImportValues.Listed(kinds),
            ["country"] = ImportValues.Listed(countries),
        });
    }

    public async Task<Timestamp?> SendAsync(IMessage create, CallOptions options) =>
        (await funding.Create().CreateDonorAsync((CreateDonorRequest)create, options)).Donor?.CreateTime;
}
