using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Disbursements;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Regions;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// The programme as an IATI 2.03 <c>iati-activities</c> document: one activity per funded
/// request (one with an active allocation or a disbursement), its donors as funding
/// participating organisations, the reporting organisation as implementer, the requesting state
/// as recipient country, sectors (DAC 15130 and our thematic areas), the indicative budget, and
/// every allocation as an outgoing commitment and every disbursement as a disbursement, in their
/// original currencies. A donor's export holds the requests it funds only
/// (<see cref="DonorRequestAccess"/>), and in them its own money only: itself as the funding
/// organisation, its own commitments and disbursements (<see cref="DonorOwnership"/>); co-funders
/// are left out.
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

    public async Task<string> ExportAsync(Caller caller, CancellationToken cancellationToken)
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

        var requests = await assistanceRequests.GetManyAsync(byRequest.Keys.Order(StringComparer.Ordinal).Select(id => FundingNames.AssistanceRequest.Format(id)), cancellationToken);
        var funded = byRequest.Values.SelectMany(list => list).ToList();
        var donorsById = await donors.GetManyAsync(funded.Select(allocation => allocation.Allocation.DonorId));
        var requestOfAllocation = funded.ToDictionary(allocation => allocation.Allocation.Id, allocation => allocation.Allocation.RequestId, StringComparer.Ordinal);
        var disbursementsByRequest = (await allocations.AllDisbursementsAsync(requestOfAllocation.Keys))
            .ToLookup(disbursement => requestOfAllocation[disbursement.AllocationId], StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();

        var root = new XElement("iati-activities",
            new XAttribute("version", IatiCodes.Version),
            new XAttribute("generated-datetime", clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        foreach (var request in requests)
        {
            var id = RequestFacts.IdOf(request);
            root.Add(Activity(request, byRequest[id], [.. disbursementsByRequest[id]], donorsById));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString(SaveOptions.None);
    }

    private XElement Activity(
        AssistanceRequest request, IReadOnlyList<AllocationRecord> funded, IReadOnlyList<StoredDisbursement> disbursements,
        IReadOnlyDictionary<string, StoredDonor> donorsById)
    {
        var allocationsById = funded.ToDictionary(allocation => allocation.Allocation.Id, StringComparer.Ordinal);
        var firstDay = funded.Min(allocation => allocation.Allocation.AllocationDate);
        var activity = new XElement("iati-activity",
            new XAttribute(XNamespace.Xml + "lang", "en"),
            new XAttribute("last-updated-datetime", clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XElement("iati-identifier", $"{iati.ReportingOrganisationRef}-{RequestFacts.IdOf(request)}"),
            Organisation("reporting-org", iati.ReportingOrganisationRef, iati.ReportingOrganisationType, iati.ReportingOrganisationName),
            new XElement("title", Narrative(request.Title)),
            new XElement("description", new XAttribute("type", IatiCodes.DescriptionGeneral),
                Narrative(request.Description.Length > 0 ? request.Description : request.Title)));

        foreach (var donor in funded.Select(allocation => allocation.Allocation.DonorId).Distinct().Select(donorsById.GetValueOrDefault).OfType<StoredDonor>())
        {
            activity.Add(Participant(IatiCodes.RoleFunding, donor.IatiIdentifier, IatiCodes.OrganisationType(donor.Kind), donor.DisplayName));
        }

        activity.Add(
            Participant(IatiCodes.RoleImplementing, iati.ReportingOrganisationRef, iati.ReportingOrganisationType, iati.ReportingOrganisationName),
            new XElement("activity-status", new XAttribute("code", IatiCodes.ActivityStatus(request.State))),
            new XElement("activity-date", new XAttribute("type", IatiCodes.ActualStart), new XAttribute("iso-date", Day(firstDay))));
        if (M49Regions.Of(request.RequestingState) is { } region)
        {
            activity.Add(new XElement("recipient-country", new XAttribute("code", region.Alpha2), new XAttribute("percentage", "100")));
        }

        activity.Add(new XElement("sector",
            new XAttribute("vocabulary", IatiCodes.SectorVocabularyDac),
            new XAttribute("code", IatiCodes.SectorLegalAndJudicialDevelopment),
            new XAttribute("percentage", "100")));
        activity.Add(ThematicSectors(request));

        if (RequestFacts.IndicativeBudget(request) is { } budget)
        {
            activity.Add(new XElement("budget",
                new XAttribute("type", IatiCodes.BudgetOriginal), new XAttribute("status", IatiCodes.BudgetIndicative),
                new XElement("period-start", new XAttribute("iso-date", Day(firstDay))),
                new XElement("period-end", new XAttribute("iso-date", Day(firstDay.AddYears(1).AddDays(-1)))),
                Value(budget.CurrencyCode, Amount.Of(budget), firstDay)));
        }

        foreach (var allocation in funded)
        {
            var donor = donorsById.GetValueOrDefault(allocation.Allocation.DonorId);
            activity.Add(Transaction(IatiCodes.TransactionCommitment, allocation.Allocation.AllocationDate,
                allocation.Allocation.CurrencyCode, allocation.Ledger.Amount, donor));
        }

        foreach (var disbursement in disbursements.OrderBy(disbursement => disbursement.DisbursementDate))
        {
            var donor = donorsById.GetValueOrDefault(allocationsById[disbursement.AllocationId].Allocation.DonorId);
            activity.Add(Transaction(IatiCodes.TransactionDisbursement, disbursement.DisbursementDate,
                disbursement.CurrencyCode, new Amount(disbursement.Units, disbursement.Nanos), donor));
        }

        return activity;
    }

    /// <summary>Our own sector vocabulary: the request's thematic areas, sharing 100% (the first takes the rounding remainder).</summary>
    private static IEnumerable<XElement> ThematicSectors(AssistanceRequest request)
    {
        var areas = request.ThematicAreas.Distinct().ToList();
        if (areas.Count == 0)
        {
            yield break;
        }

        var share = Math.Floor(10_000m / areas.Count) / 100m;
        for (var i = 0; i < areas.Count; i++)
        {
            var percentage = i == 0 ? 100m - (share * (areas.Count - 1)) : share;
            yield return new XElement("sector",
                new XAttribute("vocabulary", IatiCodes.SectorVocabularyReportingOrganisation),
                new XAttribute("code", IatiCodes.SectorCode(areas[i])),
                new XAttribute("percentage", percentage.ToString("0.##", CultureInfo.InvariantCulture)));
        }
    }

    private static XElement Transaction(string type, DateOnly day, string currencyCode, Amount amount, StoredDonor? provider)
    {
        var transaction = new XElement("transaction",
            new XElement("transaction-type", new XAttribute("code", type)),
            new XElement("transaction-date", new XAttribute("iso-date", Day(day))),
            Value(currencyCode, amount, day));
        if (provider is not null)
        {
            transaction.Add(Organisation("provider-org", provider.IatiIdentifier, IatiCodes.OrganisationType(provider.Kind), provider.DisplayName));
        }

        return transaction;
    }

    private static XElement Value(string currencyCode, Amount amount, DateOnly valueDate) =>
        new("value", new XAttribute("currency", currencyCode), new XAttribute("value-date", Day(valueDate)), Decimal(amount));

    private static XElement Participant(string role, string reference, string type, string name)
    {
        var participant = Organisation("participating-org", reference, type, name);
        participant.Add(new XAttribute("role", role));
        return participant;
    }

    private static XElement Organisation(string element, string reference, string type, string name)
    {
        var organisation = new XElement(element);
        if (reference.Length > 0)
        {
            organisation.Add(new XAttribute("ref", reference));
        }

        organisation.Add(new XAttribute("type", type), Narrative(name));
        return organisation;
    }

    private static XElement Narrative(string text) => new("narrative", XmlText(text));

    /// <summary>
    /// The text as XML 1.0 can carry it. Our validators accept any Unicode text, but XML forbids
    /// most control characters, U+FFFE, U+FFFF and lone surrogates: each becomes U+FFFD, the
    /// replacement character, so that one odd title cannot make the whole export fail.
    /// </summary>
    private static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The exact amount as an xsd:decimal, e.g. <c>1250.5</c>.</summary>
    private static string Decimal(Amount amount) =>
        amount.Nanos == 0
            ? amount.UnitsText
            : $"{amount.UnitsText}.{amount.Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0')}";
}
