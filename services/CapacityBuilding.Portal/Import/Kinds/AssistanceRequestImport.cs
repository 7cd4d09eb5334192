using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>Existing assistance requests, created as drafts of their requesting state (CreateAssistanceRequest).</summary>
public sealed class AssistanceRequestImport(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance, ImportCodeLists lists) : IImportKind
{
    public string Slug => "requests";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("row_key", "request_id", ColumnValues.RowKey),
        new("requesting_state", "assistance_request.requesting_state", ColumnValues.Country),
        new("title", "assistance_request.title"),
        new("description", "assistance_request.description"),
        new("thematic_areas", "assistance_request.thematic_areas", ColumnValues.Codes),
        new("desired_start", "assistance_request.desired_start", ColumnValues.Day),
        new("desired_end", "assistance_request.desired_end", ColumnValues.Day),
        new("estimated_participants", "assistance_request.estimated_participants", ColumnValues.WholeNumber),
        new("budget_amount", "assistance_request.indicative_budget", ColumnValues.Amount),
        new("budget_currency", "assistance_request.indicative_budget.currency_code", ColumnValues.Currency),
    ];

    public ImportMapping Mapping()
    {
        var (countries, areas) = (lists.Countries(), lists.ThematicAreas());
        return new ImportMapping(row =>
        {
            var request = new AssistanceRequest
            {
                RequestingState = row.CodeOrText("requesting_state", countries),
                Title = row.Text("title"),
                Description = row.Text("description"),
                ThematicAreas = { row.Codes("thematic_areas", areas) },
                DesiredStart = ImportValues.Date(row.Day("desired_start")),
                DesiredEnd = ImportValues.Date(row.Day("desired_end")),
                EstimatedParticipants = row.WholeNumber("estimated_participants") ?? 0,
                IndicativeBudget = ImportValues.Money(row.Amount("budget_amount"), row.Text("budget_currency")),
            };
            return new CreateAssistanceRequestRequest { AssistanceRequest = request };
        }, new Dictionary<string, IEnumerable<(string, string)>>
        {
            ["requesting_state"] = ImportValues.Listed(countries),
            ["thematic_areas"] = ImportValues.Listed(areas),
        });
    }

    public async Task<Timestamp?> SendAsync(IMessage create, CallOptions options) =>
        (await assistance.Create().CreateAssistanceRequestAsync((CreateAssistanceRequestRequest)create, options)).AssistanceRequest?.CreateTime;
}
