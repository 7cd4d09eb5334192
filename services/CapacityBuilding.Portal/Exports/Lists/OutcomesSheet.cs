using System.Runtime.CompilerServices;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Portal.Components.Pages.Results;
using CapacityBuilding.Portal.Components.Shared;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Exports.Lists;

/// <summary>
/// A request's results (<see cref="RequestResults"/> on its page), the request being the download's
/// <c>parent</c>, as the assistance service lets the reader see them. One row per actual measured,
/// each with its outcome and indicator, baseline and target (an indicator not measured yet is one
/// row without an actual), so that a spreadsheet can filter and chart them as numbers and dates.
/// </summary>
public sealed class OutcomesSheet(ServiceClientFactory<AssistanceService.AssistanceServiceClient> assistance, IStringLocalizer<RequestResults> strings)
    : ListSheet<OutcomesSheet.Row>
{
    public sealed record Row(Outcome Outcome, Indicator Indicator, IndicatorValue? Actual);

    public override string Name => "outcomes";

    public override IReadOnlyList<CallerRole> Roles { get; } = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Auditor, CallerRole.Donor];

    protected override IEnumerable<SheetColumn<Row>> Columns() =>
    [
        new(strings["Column_Outcome"], row => SheetCell.Of(row.Outcome.Statement)),
        new(strings["Indicator"], row => SheetCell.Of(row.Indicator.Title)),
        new(strings["Label_indicator.measure"], row => SheetCell.Of(strings["Measure_" + row.Indicator.Measure])),
        new(strings["Column_Unit"], row => SheetCell.Of(row.Indicator.Unit)),
        .. ValueColumns(strings["Label_indicator.baseline.value"], strings["Label_indicator.baseline.date"], row => row.Indicator.Baseline),
        .. ValueColumns(strings["Label_indicator.target.value"], strings["Label_indicator.target.date"], row => row.Indicator.Target),
        .. ValueColumns(strings["Label_actual.value"], strings["Label_actual.date"], row => row.Actual),
        new(strings["Column_Comment"], row => SheetCell.Of(row.Actual?.Comment)),
    ];

    protected override async IAsyncEnumerable<Row> ReadAsync(IQueryCollection filters, int pageSize, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var client = assistance.Create();
        var request = filters[ListDownloadLinks.ParentParameter].ToString();
        var outcomes = ServicePages.AllAsync(
            (token, cancel) => client.ListOutcomesAsync(new ListOutcomesRequest { Parent = request, PageSize = pageSize, PageToken = token }, cancellationToken: cancel).ResponseAsync,
            page => page.Outcomes, page => page.NextPageToken, cancellation);
        await foreach (var outcome in outcomes)
        {
            foreach (var indicator in outcome.Indicators)
            {
                if (indicator.Actuals.Count == 0)
                {
                    yield return new Row(outcome, indicator, null);
                }

                foreach (var actual in indicator.Actuals)
                {
                    yield return new Row(outcome, indicator, actual);
                }
            }
        }
    }

    // An indicator's value as a number and the day it was measured.
    private static IEnumerable<SheetColumn<Row>> ValueColumns(string valueHeader, string dateHeader, Func<Row, IndicatorValue?> value) =>
    [
        new(valueHeader, row => value(row) is { } measured ? SheetCell.Of((decimal)measured.Value) : SheetCell.Empty),
        new(dateHeader, row => SheetCell.Of(CalendarDates.TryParse(value(row)?.Date))),
    ];
}
