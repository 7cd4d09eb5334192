using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.ServiceDefaults.Regions;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// One funded request as an IATI 2.03 <c>iati-activity</c>, in the order the schema requires. What
/// each element says, and the IATI code list or rule behind it, is in docs/transparency.md. The
/// optional parts the requesting state withholds (<see cref="FundedActivity.Withholds"/>) are left out.
/// </summary>
public static class IatiActivityElement
{
    public static XElement Build(FundedActivity activity, IatiOptions options, DateTimeOffset now)
    {
        var request = activity.Request;
        var reporting = IatiOrganisation.ReportingOrganisationOf(options);
        var textLanguage = TextLanguageOf(request);
        var element = new XElement("iati-activity",
            new XAttribute(XNamespace.Xml + "lang", textLanguage),
            new XAttribute("last-updated-datetime", DateTime(activity.LastChanged(now))),
            new XElement("iati-identifier", $"{options.ReportingOrganisationRef}-{RequestFacts.IdOf(request)}"),
            Organisation("reporting-org", reporting),
            new XElement("title", Narrative(request.Title, textLanguage)),
            new XElement("description", new XAttribute("type", IatiCodes.DescriptionGeneral), Narrative(DescriptionOf(activity), textLanguage)));

        foreach (var donorId in activity.Allocations.Select(allocation => allocation.Allocation.DonorId).Distinct(StringComparer.Ordinal))
        {
            if (activity.Donors.GetValueOrDefault(donorId) is { } donor)
            {
                element.Add(Participant(IatiCodes.RoleFunding, new IatiOrganisation(donor.IatiIdentifier, IatiCodes.OrganisationType(donor.Kind), donor.DisplayName)));
            }
        }

        // The reporting organisation answers for the activity, manages the donors' money for it and delivers it.
        element.Add(
            Participant(IatiCodes.RoleAccountable, reporting),
            Participant(IatiCodes.RoleExtending, reporting),
            Participant(IatiCodes.RoleImplementing, reporting),
            new XElement("activity-status", new XAttribute("code", IatiCodes.ActivityStatus(request.State, activity.MoneyOutstanding))));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        element.Add(ActivityDates(request, today, activity.Withholds(WithheldField.ActualDates)));
        if (M49Regions.Of(request.RequestingState) is { } region)
        {
            element.Add(new XElement("recipient-country", new XAttribute("code", region.Alpha2), new XAttribute("percentage", "100")));
        }

        element.Add(new XElement("sector",
            new XAttribute("vocabulary", IatiCodes.SectorVocabularyDac),
            new XAttribute("code", IatiCodes.SectorLegalAndJudicialDevelopment),
            new XAttribute("percentage", "100")));
        element.Add(ThematicSectors(request, options.ThematicVocabularyUri));
        if (!activity.Withholds(WithheldField.Budget))
        {
            element.Add(Budgets(request));
        }

        element.Add(IatiTransactions.Of(activity, reporting, today).Select(Transaction));
        if (!activity.Withholds(WithheldField.Results))
        {
            element.Add(IatiResults.Of(activity.Outcomes, textLanguage));
        }

        return element;
    }

    /// <summary>
    /// The request's description, or its title when it has none or its state withholds it: IATI's
    /// 2.03 schema requires a description, so a withheld one is said by the title, never an empty text.
    /// </summary>
    private static string DescriptionOf(FundedActivity activity) =>
        activity.Request.Description.Length > 0 && !activity.Withholds(WithheldField.Description) ? activity.Request.Description : activity.Request.Title;

    /// <summary>
    /// The language the request's texts are written in: the request records its working languages,
    /// not the language of its title, so the first working language stands for it (English when it has none).
    /// </summary>
    private static string TextLanguageOf(AssistanceRequest request) => request.Languages.FirstOrDefault() ?? IatiCodes.English;

    /// <summary>
    /// Planned start and end: the days the requesting state wants the assistance. A request is
    /// submitted with both, so every funded request has them; one from before they were required
    /// starts, as planned, on the day it was made (IATI's schema and rule 6.11.1 require a start).
    /// Actual start and end: the first and last day of the request's delivered events, once they
    /// have come (never in the future: IATI rules 11.1.4, 11.1.5).
    /// </summary>
    private static IEnumerable<XElement> ActivityDates(AssistanceRequest request, DateOnly today, bool withholdActual)
    {
        yield return ActivityDate(IatiCodes.PlannedStart,
            CalendarDates.TryParse(request.DesiredStart) ?? DateOnly.FromDateTime(request.CreateTime?.ToDateTime() ?? System.DateTime.UnixEpoch));

        if (CalendarDates.TryParse(request.DesiredEnd) is { } end)
        {
            yield return ActivityDate(IatiCodes.PlannedEnd, end);
        }

        if (withholdActual)
        {
            yield break;
        }

        if (CalendarDates.TryParse(request.ActualStartDate) is { } actualStart && actualStart <= today)
        {
            yield return ActivityDate(IatiCodes.ActualStart, actualStart);
        }

        if (CalendarDates.TryParse(request.ActualEndDate) is { } actualEnd && actualEnd <= today)
        {
            yield return ActivityDate(IatiCodes.ActualEnd, actualEnd);
        }
    }

    private static XElement ActivityDate(string type, DateOnly day) =>
        new("activity-date", new XAttribute("type", type), new XAttribute("iso-date", Day(day)));

    /// <summary>Our own sector vocabulary: the request's thematic areas, sharing 100% (the first takes the rounding remainder), each with its name.</summary>
    private static IEnumerable<XElement> ThematicSectors(AssistanceRequest request, string vocabularyUri)
    {
        var areas = request.ThematicAreas.Distinct().ToList();
        var share = areas.Count == 0 ? 0 : Math.Floor(10_000m / areas.Count) / 100m;
        for (var i = 0; i < areas.Count; i++)
        {
            var percentage = i == 0 ? 100m - (share * (areas.Count - 1)) : share;
            yield return new XElement("sector",
                new XAttribute("vocabulary", IatiCodes.SectorVocabularyReportingOrganisation),
                new XAttribute("vocabulary-uri", vocabularyUri),
                new XAttribute("code", IatiCodes.SectorCode(areas[i])),
                new XAttribute("percentage", percentage.ToString("0.##", CultureInfo.InvariantCulture)),
                Narrative(ThematicVocabulary.NameOf(areas[i]), IatiCodes.English));
        }
    }

    /// <summary>The approved budget (else the indicative one) over the planned period, one budget per year of it; indicative, since no donor is bound by it.</summary>
    private static IEnumerable<XElement> Budgets(AssistanceRequest request)
    {
        var budget = request.ApprovedBudget ?? RequestFacts.IndicativeBudget(request);
        if (budget is null || CalendarDates.TryParse(request.DesiredStart) is not { } start || CalendarDates.TryParse(request.DesiredEnd) is not { } end || end < start)
        {
            return [];
        }

        return IatiBudgetPeriods.Split(start, end, Amount.Of(budget)).Select(period => new XElement("budget",
            new XAttribute("type", IatiCodes.BudgetOriginal), new XAttribute("status", IatiCodes.BudgetIndicative),
            new XElement("period-start", new XAttribute("iso-date", Day(period.Start))),
            new XElement("period-end", new XAttribute("iso-date", Day(period.End))),
            Value(budget.CurrencyCode, period.Value, period.Start)));
    }

    private static XElement Transaction(IatiTransaction transaction)
    {
        var element = new XElement("transaction",
            new XElement("transaction-type", new XAttribute("code", transaction.Type)),
            new XElement("transaction-date", new XAttribute("iso-date", Day(transaction.Day))),
            Value(transaction.CurrencyCode, transaction.Value, transaction.Day),
            Organisation("provider-org", transaction.Provider));
        if (transaction.Receiver is { } receiver)
        {
            element.Add(Organisation("receiver-org", receiver));
        }

        return element;
    }

    private static XElement Value(string currencyCode, Amount amount, DateOnly valueDate) =>
        new("value", new XAttribute("currency", currencyCode), new XAttribute("value-date", Day(valueDate)), Decimal(amount));

    private static XElement Participant(string role, IatiOrganisation organisation)
    {
        var participant = Organisation("participating-org", organisation);
        participant.Add(new XAttribute("role", role));
        return participant;
    }

    /// <summary>
    /// An organisation with its identifier when it has a publishable one (IATI rules 1.8.13, 1.10.13
    /// and 1.15.13 refuse / &amp; | ?, which identifiers stored before that rule was enforced may hold)
    /// and always its name, so that it is never anonymous (rules 6.9.1, 6.9.2, 6.10.1).
    /// </summary>
    private static XElement Organisation(string element, IatiOrganisation organisation)
    {
        var organisationElement = new XElement(element);
        if (organisation.Reference.Length > 0 && organisation.Reference.IndexOfAny(['/', '&', '|', '?']) < 0 && organisation.Reference.Trim() == organisation.Reference)
        {
            organisationElement.Add(new XAttribute("ref", organisation.Reference));
        }

        organisationElement.Add(new XAttribute("type", organisation.Type), Narrative(organisation.Name, IatiCodes.English));
        return organisationElement;
    }

    public static XElement Narrative(string text, string language) =>
        new("narrative", new XAttribute(XNamespace.Xml + "lang", language), XmlText(text));

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

    public static string DateTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The exact amount as an xsd:decimal, e.g. <c>1250.5</c>.</summary>
    private static string Decimal(Amount amount) =>
        amount.Nanos == 0
            ? amount.UnitsText
            : $"{amount.UnitsText}.{amount.Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0')}";
}
