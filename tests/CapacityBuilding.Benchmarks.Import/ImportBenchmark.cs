using System.Diagnostics;
using System.Globalization;
using CapacityBuilding.Portal.Extensions;
using CapacityBuilding.Portal.Import;
using CapacityBuilding.Portal.Import.Kinds;
using CapacityBuilding.Portal.Import.Reading;
using CapacityBuilding.Portal.Import.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Benchmarks.Import;

/// <summary>
/// Reads a generated file as an import's run does (SheetFiles, ImportHeaders, ImportRow, the
/// kind's mapping, the request id set) and reports rows per second, bytes allocated per row and
/// how far the live managed heap grew above where it started (measured every 10,000 rows after
/// a full collection, with the clock stopped, so growth means what the reading keeps, not garbage). The
/// services' side is not measured here: a real run's rate is the create rpc's (bench.sh).
/// </summary>
public static class ImportBenchmark
{
    public static int Run(int rows)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var builder = WebApplication.CreateBuilder();
        builder.AddPortalLocalization();
        builder.AddPortalClients();
        builder.AddPortalImport();
        using var app = builder.Build();
        var kind = app.Services.GetServices<IImportKind>().Single(candidate => candidate.Slug == "requests");
        var strings = app.Services.GetRequiredService<IStringLocalizer<ImportStrings>>();

        var folder = Directory.CreateTempSubdirectory("import-benchmark-");
        try
        {
            var csv = Path.Combine(folder.FullName, "requests.csv");
            var xlsx = Path.Combine(folder.FullName, "requests.xlsx");
            GeneratedRequests.WriteCsv(csv, rows);
            GeneratedRequests.WriteXlsx(xlsx, rows);
            Console.WriteLine($"| file | rows | size | seconds | rows/s | allocated/row | heap growth |");
            Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|");
            foreach (var path in new[] { csv, xlsx })
            {
                Measure(path, kind, strings);
                Console.WriteLine(Measure(path, kind, strings));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static string Measure(string path, IImportKind kind, IStringLocalizer<ImportStrings> strings)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peakHeap = heapBefore;
        var mapping = kind.Mapping();
        var clock = Stopwatch.StartNew();
        var count = 0;
        var problems = 0;
        using (var file = File.OpenRead(path))
        {
            ImportHeaders? headers = null;
            foreach (var sheetRow in SheetFiles.Read(file))
            {
                if (headers is null)
                {
                    headers = ImportHeaders.Read(sheetRow, kind.Columns, strings);
                    continue;
                }

                var row = new ImportRow(sheetRow, headers, strings);
                var create = mapping.Build(row);
                CreateRequestFields.Set(create, $"import-{kind.Slug}-{row.Text("row_key")}", validateOnly: true);
                problems += row.Problems.Count;
                if (++count % 10_000 == 0)
                {
                    clock.Stop();
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: true));
                    clock.Start();
                }
            }
        }

        clock.Stop();
        if (problems > 0)
        {
            throw new InvalidOperationException($"The generated rows had {problems} problems.");
        }

        var allocatedPerRow = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Math.Max(1, count);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Path.GetExtension(path)} | {count:N0} | {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB | {clock.Elapsed.TotalSeconds:F2} | {count / clock.Elapsed.TotalSeconds:N0} | {allocatedPerRow:N0} B | {(peakHeap - heapBefore) / 1024.0 / 1024.0:F1} MB |");
    }
}
