using CapacityBuilding.Portal.Import.Kinds;
using CapacityBuilding.Portal.Import.Running;
using CapacityBuilding.ServiceDefaults.Configuration;

namespace CapacityBuilding.Portal.Import;

/// <summary>Spreadsheet imports: the kinds, the runs' queue and worker, and their settings (<c>Portal:Import</c>).</summary>
public static class ImportExtensions
{
    public static WebApplicationBuilder AddPortalImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ImportOptions, ImportOptionsValidator>(builder.Configuration, ImportOptions.SectionName);
        builder.Services.AddSingleton<ImportCodeLists>();
        builder.Services.AddSingleton<IImportKind, AssistanceRequestImport>();
        builder.Services.AddSingleton<IImportKind, DonorImport>();
        builder.Services.AddSingleton<IImportKind, PledgeImport>();
        builder.Services.AddSingleton<IImportKind, CourseImport>();
        builder.Services.AddSingleton<IImportKind, SessionImport>();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddScoped<ImportRun>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }
}
