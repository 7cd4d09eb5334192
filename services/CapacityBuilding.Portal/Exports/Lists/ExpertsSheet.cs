using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Delivery;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// The roster of experts (<see cref="ExpertList"/>), for the roles its page is for: the page's
/// columns only, so no contact detail leaves in a file.
/// </summary>
public sealed class ExpertsSheet(ServiceClientFactory<TrainingService.TrainingServiceClient> training, IStringLocalizer<ExpertList> strings, CodeListNames codes)
    : ListSheet<Expert>
{
    public override string Name => "experts";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.Coordinator, CallerRole.Auditor];

    protected override IEnumerable<SheetColumn<Expert>> Columns() =>
    [
        new(strings["Name"], expert => SheetCell.Of(expert.DisplayName)),
        new(strings["Nationality"], expert => SheetCell.Of(expert.Nationality.Length > 0 ? codes.CountryName(expert.Nationality) : "")),
        new(strings["Languages"], expert => SheetCell.Of(string.Join(", ", expert.Languages.Select(CodeListNames.LanguageName)))),
        new(strings["Expertise"], expert => SheetCell.Of(string.Join(", ", expert.ThematicAreas.Select(codes.ThematicAreaName)))),
        new(strings["PublicOfficial"], expert => SheetCell.Of(expert.PublicOfficial ? strings["Yes"] : strings["No"])),
    ];

    protected override IAsyncEnumerable<Expert> ReadAsync(IQueryCollection filters, int pageSize, CancellationToken cancellation)
    {
        var client = training.Create();
        return ServicePages.AllAsync(
            (token, cancel) => client.ListExpertsAsync(new ListExpertsRequest { PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Experts, page => page.NextPageToken, cancellation);
    }
}
