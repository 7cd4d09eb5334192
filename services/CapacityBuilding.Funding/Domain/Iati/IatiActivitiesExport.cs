using System.Security.Cryptography;
using System.Text;
using System.Xml;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// One page of the export: the document (empty when there is nothing to publish), how many
/// activities it holds, how many funded requests it withheld, the last allocation it covered when
/// more follow, the page's HTTP validators: <see cref="ContentHash"/> of the activities (not the
/// time the file was made) and <see cref="LastModified"/>, the latest change to any funded request
/// the page walked, withheld ones included, so that withdrawing consent changes it (null when none).
/// </summary>
public sealed record IatiExport(string Xml, int ActivityCount, int WithheldCount, string? LastAllocationId, string ContentHash, DateTimeOffset? LastModified);

/// <summary>
/// The programme as an IATI 2.03 <c>iati-activities</c> document: one activity per funded request
/// (one with an active allocation or a disbursement), written by <see cref="IatiActivityElement"/>.
/// A donor's export holds the requests it funds only (<see cref="DonorRequestAccess"/>), and in
/// them its own money only: itself as the funding organisation, its own commitments and
/// expenditures (<see cref="DonorOwnership"/>); co-funders are left out. An activity file is
/// published, so a request is in it only when its requesting state consented to publication
/// (<c>publication_consent.publish</c>); the others are withheld and only counted. IATI's schema requires at
/// least one activity in a document, and a publisher with nothing to publish publishes no file: so
/// with no funded request the export is no document (empty text, no activities).
/// </summary>
public sealed class IatiActivitiesExport(
    RedisAllocationRepository allocations,
    RedisDonorRepository donors,
    AssistanceRequests assistanceRequests,
    DonorRequestAccess requestAccess,
    IOptions<IatiOptions> options,
    TimeProvider clock)
{
    private readonly IatiOptions iati = options.Value;

    /// <summary>
    /// One page of the export: the requests whose oldest allocation is among the next
    /// <paramref name="pageSize"/> allocations after <paramref name="afterAllocationId"/> (newest
    /// first), so that every request is on exactly one page and a page holds at most
    /// <paramref name="pageSize"/> activities whatever the programme's size; only that page's
    /// requests, allocations and document are ever in memory. Each page is a whole IATI file (IATI
    /// publishers split large activity sets into several files the same way).
    /// </summary>
    public async Task<IatiExport> ExportAsync(Caller caller, int pageSize, string? afterAllocationId, CancellationToken cancellationToken)
    {
        var visible = await requestAccess.VisibleToAsync(caller);
        var (window, lastAllocationId) = await allocations.ListAsync(null, null, pageSize, afterAllocationId);
        var windowIds = window.Select(allocation => allocation.Allocation.Id).ToHashSet(StringComparer.Ordinal);
        var candidates = window.Select(allocation => allocation.Allocation.RequestId)
            .Where(requestId => visible?.Contains(requestId) != false)
            .Distinct(StringComparer.Ordinal).ToList();
        var oldest = await allocations.OldestAllocationOfAsync(candidates);
        var byRequest = new Dictionary<string, List<AllocationRecord>>(StringComparer.Ordinal);
        foreach (var requestId in candidates.Where(requestId => oldest[requestId] is { } first && windowIds.Contains(first)))
        {
            await foreach (var allocation in allocations.AllAsync(requestId))
            {
                if ((allocation.Ledger.State == AllocationState.Active || !allocation.Ledger.Disbursed.IsZero)
                    && DonorOwnership.Owns(caller, allocation.Allocation.DonorId))
                {
                    (byRequest.TryGetValue(requestId, out var list) ? list : byRequest[requestId] = []).Add(allocation);
                }
            }
        }

        var funded = await assistanceRequests.GetManyAsync(byRequest.Keys.Order(StringComparer.Ordinal).Select(id => FundingNames.AssistanceRequest.Format(id)), cancellationToken);
        var requests = funded.Where(request => request.PublicationConsent?.Publish == true).ToList();
        var withheld = funded.Count - requests.Count;
        var now = clock.GetUtcNow();
        DateTimeOffset? requestsChanged = funded.Select(request => request.UpdateTime?.ToDateTimeOffset()).Max();
        if (requests.Count == 0)
        {
            return new IatiExport("", 0, withheld, lastAllocationId, Convert.ToHexString(SHA256.HashData([])), requestsChanged);
        }

        var published = requests.Select(RequestFacts.IdOf).SelectMany(id => byRequest[id]).ToList();
        var donorsById = await donors.GetManyAsync(published.Select(allocation => allocation.Allocation.DonorId));
        var requestOfAllocation = published.ToDictionary(allocation => allocation.Allocation.Id, allocation => allocation.Allocation.RequestId, StringComparer.Ordinal);
        var disbursementsByRequest = (await allocations.AllDisbursementsAsync(requestOfAllocation.Keys))
            .ToLookup(disbursement => requestOfAllocation[disbursement.AllocationId], StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();

        using var document = new MemoryStream();
        long activitiesStart;
        using (var writer = XmlWriter.Create(document, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("iati-activities");
            writer.WriteAttributeString("version", IatiCodes.Version);
            writer.WriteAttributeString("generated-datetime", IatiActivityElement.DateTime(now));
            writer.Flush();
            activitiesStart = document.Length;
            foreach (var request in requests)
            {
                var id = RequestFacts.IdOf(request);
                var activity = new FundedActivity(request, byRequest[id], [.. disbursementsByRequest[id]], donorsById);
                var changed = activity.LastChanged(now);
                requestsChanged = requestsChanged is { } known && known > changed ? known : changed;
                IatiActivityElement.Build(activity, iati, now).WriteTo(writer);
            }

            writer.WriteEndElement();
        }

        // Everything after the root's attributes, so the time the file was made does not change it.
        var contentHash = Convert.ToHexString(SHA256.HashData(document.GetBuffer().AsSpan((int)activitiesStart, (int)(document.Length - activitiesStart))));
        return new IatiExport(
            Encoding.UTF8.GetString(document.GetBuffer(), 0, (int)document.Length), requests.Count, withheld, lastAllocationId, contentHash, requestsChanged);
    }
}
