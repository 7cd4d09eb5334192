using System.Security.Cryptography;
using System.Text;
using System.Xml;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// One page of the export: the document (empty when there is nothing to publish), how many
/// activities it holds, how many funded requests it withheld, the last allocation it covered when
/// more follow, the page's HTTP validators: <see cref="ContentHash"/> of the activities (not the
/// time the file was made) and <see cref="LastModified"/>, the latest change to any funded request
/// the page walked, withheld ones included, so that withdrawing consent changes it (null when none).
/// </summary>
public sealed record IatiExport(string Xml, int ActivityCount, int WithheldCount, string? LastAllocationId, string ContentHash, DateTimeOffset? LastModified)
{
    /// <summary>The activities whose requesting state withholds optional parts, and which (<see cref="IatiWithholding"/>).</summary>
    public IReadOnlyList<WithheldActivityParts> WithheldParts { get; init; } = [];
}

/// <summary>
/// The programme as an IATI 2.03 <c>iati-activities</c> document: one activity per published
/// funded request of the page (<see cref="PublishedActivityPages"/>: consent, a donor's own money),
/// written by <see cref="IatiActivityElement"/> with its results (the request's outcomes, read from
/// assistance for the page's activities only: <see cref="RequestOutcomes"/>) and incoming funds
/// (money received on the pledges that fund them: <see cref="PledgeReceiptsReader"/>). IATI's schema requires at least one activity in a
/// document, and a publisher with nothing to publish publishes no file: so a page with no
/// published request is no document (empty text, no activities). Each page is a whole IATI file
/// (IATI publishers split large activity sets into several files the same way), and ends at its
/// page size or before the activity that would take it past <see cref="IatiOptions.MaxPageBytes"/>,
/// whichever comes first; an activity larger than the budget on its own still makes a page alone
/// (refusing it would stop the walk there for good, and the file would never be whole).
/// </summary>
public sealed class IatiActivitiesExport(PublishedActivityPages pages, RequestOutcomes requestOutcomes, PledgeReceiptsReader pledgeReceipts, IOptions<IatiOptions> options, TimeProvider clock)
{
    private readonly IatiOptions iati = options.Value;

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    /// <summary>What ends the document after the last activity: counted before an activity is let in.</summary>
    private static readonly int ClosingBytes = Settings.Encoding.GetByteCount(Settings.NewLineChars + "</iati-activities>");

    public async Task<IatiExport> ExportAsync(Caller caller, int pageSize, string? afterAllocationId, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync(caller, pageSize, afterAllocationId, cancellationToken);
        if (page.Activities.Count == 0)
        {
            return new IatiExport("", 0, page.WithheldCount, page.LastAllocationId, Convert.ToHexString(SHA256.HashData([])), page.LastModified);
        }

        var outcomes = await requestOutcomes.OfAsync(page.Activities.Select(activity => activity.Request.Name), cancellationToken);
        var receipts = await pledgeReceipts.ReadAsync(page.Activities);
        var now = clock.GetUtcNow();
        var activities = page.Activities.Select(activity => activity with { Outcomes = outcomes[activity.Request.Name], Receipts = receipts }).ToList();
        using var document = new MemoryStream();
        long activitiesStart;
        var written = 0;
        using (var writer = XmlWriter.Create(document, Settings))
        {
            writer.WriteStartElement("iati-activities");
            writer.WriteAttributeString("version", IatiCodes.Version);
            writer.WriteAttributeString("generated-datetime", IatiActivityElement.DateTime(now));
            writer.Flush();
            activitiesStart = document.Length;
            foreach (var activity in activities)
            {
                var before = document.Length;
                IatiActivityElement.Build(activity, iati, now).WriteTo(writer);
                writer.Flush();
                if (written > 0 && document.Length + ClosingBytes > iati.MaxPageBytes)
                {
                    // Past the page's byte budget: this activity opens the next page instead. The
                    // writer has flushed all it wrote, so cutting the stream back drops exactly it.
                    document.SetLength(before);
                    break;
                }

                written++;
            }

            writer.WriteEndElement();
        }

        if (written < activities.Count)
        {
            page = page.EndingBefore(written);
            activities = [.. activities.Take(written)];
        }

        // Everything after the root's attributes, so the time the file was made does not change it.
        var contentHash = Convert.ToHexString(SHA256.HashData(document.GetBuffer().AsSpan((int)activitiesStart, (int)(document.Length - activitiesStart))));
        // Money received is read here, not by the page: a contribution moves the page's Last-Modified too.
        var received = activities.Max(activity => activity.LastChanged(now));
        return new IatiExport(
            Encoding.UTF8.GetString(document.GetBuffer(), 0, (int)document.Length), written, page.WithheldCount, page.LastAllocationId, contentHash,
            page.LastModified is { } walked && walked > received ? walked : received)
        {
            WithheldParts = IatiWithholding.Of(activities, iati),
        };
    }
}
