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

/// <summary>The export: the document (empty when there is nothing to publish), how many activities it holds and how many funded requests it withheld.</summary>
public sealed record IatiExport(string Xml, int ActivityCount, int WithheldCount);

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

    public async Task<IatiExport> ExportAsync(Caller caller, CancellationToken cancellationToken)
    {
        var visible = await requestAccess.VisibleToAsync(caller);
        var byRequest = new Dictionary<string, List<AllocationRecord>>(StringComparer.Ordinal);
        await foreach (var allocation in allocations.AllAsync())
        {
            if ((allocation.Ledger.State == AllocationState.Active || !allocation.Ledger.Disbursed.IsZero)
                && visible?.Contains(allocation.Allocation.RequestId) != false
                && DonorOwnership.Owns(caller, allocation.Allocation.DonorId))
            {
                (byRequest.TryGetValue(allocation.Allocation.RequestId, out var list) ? list : byRequest[allocation.Allocation.RequestId] = []).Add(allocation);
            }
        }

        var funded = await assistanceRequests.GetManyAsync(byRequest.Keys.Order(StringComparer.Ordinal).Select(id => FundingNames.AssistanceRequest.Format(id)), cancellationToken);
        var requests = funded.Where(request => request.PublicationConsent?.Publish == true).ToList();
        var withheld = funded.Count - requests.Count;
        if (requests.Count == 0)
        {
            return new IatiExport("", 0, withheld);
        }

        var published = requests.Select(RequestFacts.IdOf).SelectMany(id => byRequest[id]).ToList();
        var donorsById = await donors.GetManyAsync(published.Select(allocation => allocation.Allocation.DonorId));
        var requestOfAllocation = published.ToDictionary(allocation => allocation.Allocation.Id, allocation => allocation.Allocation.RequestId, StringComparer.Ordinal);
        var disbursementsByRequest = (await allocations.AllDisbursementsAsync(requestOfAllocation.Keys))
            .ToLookup(disbursement => requestOfAllocation[disbursement.AllocationId], StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();

        var now = clock.GetUtcNow();
        using var document = new MemoryStream();
        using (var writer = XmlWriter.Create(document, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("iati-activities");
            writer.WriteAttributeString("version", IatiCodes.Version);
            writer.WriteAttributeString("generated-datetime", IatiActivityElement.DateTime(now));
            foreach (var request in requests)
            {
                var id = RequestFacts.IdOf(request);
                IatiActivityElement.Build(new FundedActivity(request, byRequest[id], [.. disbursementsByRequest[id]], donorsById), iati, now).WriteTo(writer);
            }

            writer.WriteEndElement();
        }

        return new IatiExport(Encoding.UTF8.GetString(document.GetBuffer(), 0, (int)document.Length), requests.Count, withheld);
    }
}
