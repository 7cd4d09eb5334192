using CapacityBuilding.Portal.Exports;
using CapacityBuilding.Portal.Exports.Lists;
using CapacityBuilding.ServiceDefaults.Configuration;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Downloads: how they page through the services (<see cref="ExportOptions"/>), the spreadsheet
/// formats, and the lists that can be downloaded, one <see cref="IListSheet"/> each (a list that
/// wants a download adds its sheet here and a <c>ListDownloadLinks</c> on its page).
/// </summary>
public static class PortalExportsExtensions
{
    public static WebApplicationBuilder AddPortalExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ExportOptions, ExportOptionsValidator>(builder.Configuration, ExportOptions.SectionName);
        builder.Services.AddSingleton<ISheetWriter, CsvSheetWriter>();
        builder.Services.AddSingleton<ISheetWriter, XlsxSheetWriter>();
        builder.Services.AddScoped<IListSheet, RequestsSheet>();
        builder.Services.AddScoped<IListSheet, TriageSheet>();
        builder.Services.AddScoped<IListSheet, DonorsSheet>();
        builder.Services.AddScoped<IListSheet, AllocationsSheet>();
        builder.Services.AddScoped<IListSheet, OpenNeedsSheet>();
        builder.Services.AddScoped<IListSheet, CoursesSheet>();
        builder.Services.AddScoped<IListSheet, DeliveryEventsSheet>();
        builder.Services.AddScoped<IListSheet, ExpertsSheet>();
        builder.Services.AddScoped<IListSheet, NationalsEnrolmentsSheet>();
        builder.Services.AddScoped<IListSheet, SessionEnrolmentsSheet>();
        builder.Services.AddScoped<IListSheet, PledgesSheet>();
        builder.Services.AddScoped<IListSheet, ExchangeRatesSheet>();
        builder.Services.AddScoped<IListSheet, OffersSheet>();
        builder.Services.AddScoped<IListSheet, OutcomesSheet>();
        builder.Services.AddScoped<IListSheet, CourseSessionsSheet>();
        builder.Services.AddScoped<IListSheet, FundedRequestsSheet>();
        builder.Services.AddScoped<IListSheet, ConventionStatusesSheet>();
        builder.Services.AddScoped<IListSheet, SessionEvaluationsSheet>();
        builder.Services.AddScoped<IListSheet, DisbursementsSheet>();
        builder.Services.AddScoped<IListSheet, HistorySheet>();
        builder.Services.AddScoped<IListSheet, EventEvaluationsSheet>();
        builder.Services.AddScoped<IListSheet, SeatHoldsSheet>();
        builder.Services.AddScoped<IListSheet, ImportRunsSheet>();
        return builder;
    }
}
