using System.Globalization;
using CapacityBuilding.Portal.Clients;
using CapacityBuilding.Portal.Import.Kinds;
using CapacityBuilding.Portal.Import.Reading;
using CapacityBuilding.Portal.Localization;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Import.Running;

/// <summary>
/// Runs one job: reads its file a row at a time, makes each row's create request and sends it
/// with the uploader's token, a few rows at a time. A check sends every row with validate_only,
/// so its report holds what the service would refuse, field by field, in the columns they came
/// from; an import sends only rows without problems, each with its row key as the request id, so
/// a row the same coordinator imported before is answered with what it made then (counted as
/// already imported) and never made twice. A row refused is reported; the others stay created.
/// </summary>
public sealed class ImportRun(
    IEnumerable<IImportKind> kinds,
    IStringLocalizer<ImportStrings> strings,
    ServiceErrorMessages errorMessages,
    IOptions<ImportOptions> options,
    TimeProvider clock)
{
    public const int MaxRowKeyLength = 64;

    public async Task RunAsync(ImportJob job, CancellationToken cancellation)
    {
        var culture = CultureInfo.GetCultureInfo(job.Upload.Culture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        var kind = kinds.Single(candidate => candidate.Slug == job.Upload.Kind);
        job.Start(clock.GetUtcNow());
        try
        {
            await using var file = new FileStream(job.Upload.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            await Parallel.ForEachAsync(
                Rows(file, kind, job),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellation },
                async (row, token) => job.RowChecked(await SendAsync(job, kind, row, CallAs(job, token))));
            job.Finish();
        }
        catch (SheetRefusedException refused)
        {
            job.Refuse(string.Format(CultureInfo.CurrentCulture, strings["File_" + refused.Refusal], refused.Message));
        }
    }

    // Headers of their own for each call: interceptors may add to them.
    private static CallOptions CallAs(ImportJob job, CancellationToken cancellation) =>
        new(new Metadata { { "authorization", job.Upload.Authorization } }, cancellationToken: cancellation);

    /// <summary>
    /// The rows with their create requests, made in file order by one thread at a time
    /// (Parallel.ForEachAsync takes items under its lock), so the row-key set needs no lock.
    /// </summary>
    private IEnumerable<(ImportRow Row, IMessage Create)> Rows(FileStream file, IImportKind kind, ImportJob job)
    {
        var mapping = kind.Mapping();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        ImportHeaders? headers = null;
        foreach (var sheetRow in SheetFiles.Read(file))
        {
            job.ReadTo((int)(100 * file.Position / Math.Max(1, file.Length)));
            if (headers is null)
            {
                headers = ImportHeaders.Read(sheetRow, kind.Columns, strings);
                continue;
            }

            if (!sheetRow.IsBlank)
            {
                var row = new ImportRow(sheetRow, headers, strings);
                var key = CheckedRowKey(row, seenKeys);
                var create = mapping.Build(row);
                CreateRequestFields.Set(create, $"import-{kind.Slug}-{key}", validateOnly: job.Mode == ImportMode.Check);
                yield return (row, create);
            }
        }

        if (headers is null)
        {
            throw new SheetRefusedException(SheetRefusal.HeadersNotRecognised, "the file is empty");
        }
    }

    private string CheckedRowKey(ImportRow row, HashSet<string> seenKeys)
    {
        var key = row.Text("row_key");
        if (key.Length == 0)
        {
            row.Add("row_key", strings["Cell_RowKeyRequired"]);
        }
        else if (key.Length > MaxRowKeyLength)
        {
            row.Add("row_key", string.Format(CultureInfo.CurrentCulture, strings["Cell_RowKeyTooLong"], MaxRowKeyLength));
        }
        else if (!seenKeys.Add(key))
        {
            row.Add("row_key", string.Format(CultureInfo.CurrentCulture, strings["Cell_RowKeyRepeated"], key));
        }

        return key;
    }

    /// <summary>The row's problems: its own cells', then the service's for the columns whose cells were read.</summary>
    private async Task<IReadOnlyList<RowProblem>> SendAsync(ImportJob job, IImportKind kind, (ImportRow Row, IMessage Create) prepared, CallOptions call)
    {
        var (row, create) = prepared;
        if (job.Mode == ImportMode.Import && row.Problems.Count > 0)
        {
            return row.Problems;
        }

        try
        {
            var createTime = await kind.SendAsync(create, call);
            if (job.Mode == ImportMode.Import)
            {
                job.RowCreated(earlier: createTime is { } time && time.ToDateTimeOffset() < job.Started);
            }
        }
        catch (RpcException refused)
        {
            var error = errorMessages.Describe(ServiceError.From(refused), typeof(ImportStrings));
            foreach (var field in error.Fields)
            {
                var column = ImportColumns.Of(kind.Columns, field.Field);
                if (column is null || !row.HasProblemIn(column))
                {
                    row.Add(column, field.Message);
                }
            }

            if (error.Fields.Count == 0)
            {
                row.Add(refused.StatusCode == StatusCode.NotFound ? ImportColumns.Of(kind.Columns, "parent") : null, error.Summary);
            }
        }

        return row.Problems;
    }
}
