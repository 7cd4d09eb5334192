using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using Google.Type;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// Between the posted form and the assistance service's message. Only the form's text is read
/// here (a date, a whole number, an amount); whether the values are acceptable is the service's
/// to say. Text that is not a number or a date at all is reported in <c>unreadable</c>, by field.
/// </summary>
public static class RequestFormMessages
{
    private const string DateFormat = "yyyy-MM-dd";

    private const decimal NanosPerUnit = 1_000_000_000m;

    private const NumberStyles AmountStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static AssistanceRequest ToRequest(RequestForm form, ICollection<string> unreadable)
    {
        var request = new AssistanceRequest
        {
            Name = form.Name,
            Etag = form.Etag,
            RequestingState = form.RequestingState.Trim(),
            Title = form.Title,
            Description = form.Description,
            ThematicAreas = { form.ThematicAreas },
            Courses = { form.Courses },
            BeneficiaryInstitutions = { Lines(form.BeneficiaryInstitutions) },
            AssistanceTypes = { form.AssistanceTypes },
            Languages = { form.Languages },
            TargetAudiences = { form.TargetAudiences },
            DesiredStart = DateOf(form.DesiredStart, RequestFields.DesiredStart, unreadable),
            DesiredEnd = DateOf(form.DesiredEnd, RequestFields.DesiredEnd, unreadable),
            EstimatedParticipants = WholeNumberOf(form.EstimatedParticipants, RequestFields.EstimatedParticipants, unreadable),
            IndicativeBudget = MoneyOf(form.BudgetCurrency, form.BudgetAmount, unreadable),
            NeedsBaselines = { BaselinesOf(form, unreadable) },
            EndorsingAuthority = form.EndorsingAuthority.Trim(),
            EndorsementDate = DateOf(form.EndorsementDate, RequestFields.EndorsementDate, unreadable),
        };
        if (form.FocalPointName.Length + form.FocalPointEmail.Length + form.FocalPointInstitution.Length > 0)
        {
            request.FocalPoint = new FocalPoint
            {
                DisplayName = form.FocalPointName,
                Email = form.FocalPointEmail.Trim(),
                Institution = form.FocalPointInstitution,
            };
        }

        return request;
    }

    /// <summary>The form showing <paramref name="request"/> as stored, ready to be edited and posted back.</summary>
    public static RequestForm ToForm(AssistanceRequest request, string requestId) => new()
    {
        Name = request.Name,
        Etag = request.Etag,
        RequestId = requestId,
        RequestingState = request.RequestingState,
        Title = request.Title,
        Description = request.Description,
        ThematicAreas = [.. request.ThematicAreas],
        Courses = [.. request.Courses],
        FocalPointName = request.FocalPoint?.DisplayName ?? "",
        FocalPointEmail = request.FocalPoint?.Email ?? "",
        FocalPointInstitution = request.FocalPoint?.Institution ?? "",
        BeneficiaryInstitutions = string.Join('\n', request.BeneficiaryInstitutions),
        AssistanceTypes = [.. request.AssistanceTypes],
        DesiredStart = TextOf(request.DesiredStart),
        DesiredEnd = TextOf(request.DesiredEnd),
        Languages = [.. request.Languages],
        EstimatedParticipants = request.EstimatedParticipants > 0 ? request.EstimatedParticipants.ToString(CultureInfo.InvariantCulture) : "",
        BudgetCurrency = request.IndicativeBudget?.CurrencyCode ?? "",
        BudgetAmount = request.IndicativeBudget is { } budget ? AmountOf(budget).ToString(CultureInfo.InvariantCulture) : "",
        TargetAudiences = [.. request.TargetAudiences],
        BaselineLevels = request.NeedsBaselines.ToDictionary(baseline => baseline.ThematicArea.ToString(), baseline => (string?)baseline.Level.ToString(CultureInfo.InvariantCulture)),
        BaselineNotes = request.NeedsBaselines.ToDictionary(baseline => baseline.ThematicArea.ToString(), baseline => (string?)baseline.Note),
        EndorsingAuthority = request.EndorsingAuthority,
        EndorsementDate = TextOf(request.EndorsementDate),
    };

    /// <summary>A date the service stored, or null when it has none (or an impossible one).</summary>
    public static DateOnly? DateOnlyOf(Date? date) =>
        date is { Year: > 0, Month: > 0, Day: > 0 } && date.Month <= 12 && date.Day <= System.DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;

    public static decimal AmountOf(Money money) => money.Units + (money.Nanos / NanosPerUnit);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static Date? DateOf(string text, string field, ICollection<string> unreadable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            unreadable.Add(field);
            return null;
        }

        return new Date { Year = date.Year, Month = date.Month, Day = date.Day };
    }

    // A baseline for each area given a level, in the areas' order; a note without a level is sent
    // with level 0, for the service to say the level is missing.
    private static IEnumerable<NeedsBaseline> BaselinesOf(RequestForm form, ICollection<string> unreadable)
    {
        foreach (var area in Enum.GetValues<Contracts.Common.V1.ThematicArea>())
        {
            // An empty field binds as null.
            var level = form.BaselineLevels.GetValueOrDefault(area.ToString()) ?? "";
            var note = (form.BaselineNotes.GetValueOrDefault(area.ToString()) ?? "").Trim();
            if (level.Length == 0 && note.Length == 0)
            {
                continue;
            }

            yield return new NeedsBaseline { ThematicArea = area, Level = WholeNumberOf(level, RequestFields.NeedsBaselines, unreadable), Note = note };
        }
    }

    private static string TextOf(Date? date) => DateOnlyOf(date)?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";

    private static int WholeNumberOf(string text, string field, ICollection<string> unreadable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            unreadable.Add(field);
        }

        return number;
    }

    // Units and nanos of google.type.Money from a decimal amount; a currency or an amount alone is
    // sent as it is, for the service to say what is missing.
    private static Money? MoneyOf(string currency, string amountText, ICollection<string> unreadable)
    {
        if (string.IsNullOrWhiteSpace(currency) && string.IsNullOrWhiteSpace(amountText))
        {
            return null;
        }

        var money = new Money { CurrencyCode = currency.Trim().ToUpperInvariant() };
        if (string.IsNullOrWhiteSpace(amountText))
        {
            return money;
        }

        if (!decimal.TryParse(amountText, AmountStyle, CultureInfo.InvariantCulture, out var amount) || amount > long.MaxValue || amount < long.MinValue)
        {
            unreadable.Add(RequestFields.Budget);
            return money;
        }

        var units = decimal.Truncate(amount);
        money.Units = (long)units;
        money.Nanos = (int)decimal.Round((amount - units) * NanosPerUnit);
        return money;
    }
}
