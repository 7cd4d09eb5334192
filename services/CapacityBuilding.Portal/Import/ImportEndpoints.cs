using System.Globalization;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.Portal.Import.Kinds;
using CapacityBuilding.Portal.Import.Running;
using CapacityBuilding.Portal.Import.Templates;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Import;

/// <summary>
/// The import's endpoints besides its pages: the upload (kept on disk as it arrives, then
/// checked), starting the import of a checked file, and the templates. Coordinators only; the
/// services still decide what each row's create may do. Posts carry the antiforgery token of
/// the page's form.
/// </summary>
public static class ImportEndpoints
{
    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var coordinators = new AuthorizeRolesAttribute(CallerRole.Coordinator);
        // The portal's bodies are small (Kestrel:Limits:MaxRequestBodySize); an upload may be up to
        // Portal:Import:MaxFileBytes, plus the form around it. Routing sets the limit from the metadata.
        var uploadLimit = endpoints.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes + FormOverheadBytes;
        endpoints.MapPost(ImportPaths.Upload, UploadAsync).RequireAuthorization(coordinators)
            .WithMetadata(new RequestSizeLimitAttribute(uploadLimit))
            .WithFormOptions(multipartBodyLengthLimit: uploadLimit);
        endpoints.MapPost("/import/jobs/{id}/run", Run).RequireAuthorization(coordinators).WithMetadata(new RequireAntiforgeryTokenAttribute());
        endpoints.MapGet("/import/readme/{slug}.csv", ReadmeAsync).RequireAuthorization(coordinators);
        endpoints.MapGet("/import/templates/{slug}.{extension}", TemplateAsync).RequireAuthorization(coordinators);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context, [FromForm] string? kind, IFormFile? file, IEnumerable<IImportKind> kinds, ImportJobs jobs,
        ICallerToken token, IOptions<ImportOptions> options)
    {
        if (kinds.FirstOrDefault(candidate => candidate.Slug == kind) is not { } chosen)
        {
            return Results.Redirect(ImportPaths.PageWithProblem("NoKind"));
        }

        if (file is null || file.Length == 0)
        {
            return Results.Redirect(ImportPaths.PageWithProblem("NoFile"));
        }

        if (file.Length > options.Value.MaxFileBytes)
        {
            return Results.Redirect(ImportPaths.PageWithProblem("TooLarge"));
        }

        var folder = string.IsNullOrEmpty(options.Value.Directory) ? Path.Combine(Path.GetTempPath(), "capacitybuilding-imports") : options.Value.Directory;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        await using (var saved = File.Create(path))
        {
            await file.CopyToAsync(saved, context.RequestAborted);
        }

        var caller = Caller.From(context.User) ?? throw new InvalidOperationException("An authorized request has a caller.");
        var job = jobs.Enqueue(new ImportUpload(chosen.Slug, Path.GetFileName(file.FileName), path, caller.Subject, token.Authorization() ?? "", CultureInfo.CurrentUICulture.Name), ImportMode.Check);
        return Results.Redirect(ImportPaths.Job(job.Id));
    }

    private static IResult Run(HttpContext context, string id, ImportJobs jobs)
    {
        var caller = Caller.From(context.User);
        if (caller is null || jobs.Find(id, caller.Subject) is not { } checkedJob)
        {
            return Results.NotFound();
        }

        return Results.Redirect(jobs.ImportChecked(checkedJob) is { } import ? ImportPaths.Job(import.Id) : ImportPaths.Job(id));
    }

    private static async Task TemplateAsync(HttpContext context, string slug, string extension, IEnumerable<IImportKind> kinds, IStringLocalizer<ImportStrings> strings)
    {
        if (kinds.FirstOrDefault(kind => kind.Slug == slug) is not { } chosen || extension is not ("csv" or "xlsx"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var columns = TemplateColumn.Of(chosen, strings);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}.{extension}\"";
        if (extension == "csv")
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            await CsvTemplate.WriteTemplateAsync(context.Response.Body, columns);
            return;
        }

        // The Open XML SDK writes a package through a seekable stream; a template is a few kilobytes.
        context.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        using var workbook = new MemoryStream();
        XlsxTemplate.Write(workbook, columns, strings["Sheet_Data"], strings["Sheet_Readme"], ReadmeHeaders(strings));
        workbook.Position = 0;
        await workbook.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static async Task ReadmeAsync(HttpContext context, string slug, IEnumerable<IImportKind> kinds, IStringLocalizer<ImportStrings> strings)
    {
        if (kinds.FirstOrDefault(kind => kind.Slug == slug) is not { } chosen)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-readme.csv\"";
        await CsvTemplate.WriteReadmeAsync(context.Response.Body, TemplateColumn.Of(chosen, strings), ReadmeHeaders(strings));
    }

    private static string[] ReadmeHeaders(IStringLocalizer<ImportStrings> strings) =>
        [strings["Readme_Header"], strings["Readme_Code"], strings["Readme_Holds"], strings["Readme_Allowed"]];
}
