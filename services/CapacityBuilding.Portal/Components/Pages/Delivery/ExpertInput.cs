using System.Globalization;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Funding;

namespace CapacityBuilding.Portal.Components.Pages.Delivery;

/// <summary>
/// The expert form's values as posted, and the expert they make. Articles are typed as a list
/// ("5, 12, 15") and availability as one period per line ("2026-09-01 2026-09-30"), so the form
/// needs no script; what does not parse is sent as it reads, for the service to refuse next to
/// the field (an article 0, a period without days).
/// </summary>
public sealed class ExpertInput
{
    public string? Etag { get; set; }

    public string? RequestId { get; set; }

    public string? DisplayName { get; set; }

    public string? Nationality { get; set; }

    public List<string> Languages { get; set; } = [];

    public List<ThematicArea> ThematicAreas { get; set; } = [];

    public string? Articles { get; set; }

    public bool PublicOfficial { get; set; }

    public string? Availability { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public static ExpertInput From(Expert expert) => new()
    {
        Etag = expert.Etag,
        DisplayName = expert.DisplayName,
        Nationality = expert.Nationality,
        Languages = [.. expert.Languages],
        ThematicAreas = [.. expert.ThematicAreas],
        Articles = string.Join(", ", expert.ConventionArticles),
        PublicOfficial = expert.PublicOfficial,
        Availability = string.Join('\n', expert.Availability.Select(period => $"{InputDay(period.StartDate)} {InputDay(period.EndDate)}")),
        Email = expert.Contact?.Email,
        Phone = expert.Contact?.Phone,
    };

    public Expert ToMessage(string name) => new()
    {
        Name = name,
        Etag = Etag ?? "",
        DisplayName = DisplayName ?? "",
        Nationality = Nationality ?? "",
        Languages = { Languages },
        ThematicAreas = { ThematicAreas },
        ConventionArticles = { Split(Articles, ',').Select(article => int.TryParse(article, CultureInfo.InvariantCulture, out var number) ? number : 0) },
        PublicOfficial = PublicOfficial,
        Availability = { Split(Availability, '\n').Select(Period) },
        Contact = new ExpertContact { Email = Email ?? "", Phone = Phone ?? "" },
    };

    private static string[] Split(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateRange Period(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var start, var end]
            ? new DateRange { StartDate = DateText.Parse(start), EndDate = DateText.Parse(end) }
            : new DateRange();

    private static string InputDay(Google.Type.Date? day) =>
        day is { Year: > 0 } ? DateText.ToInput(new DateOnly(day.Year, day.Month, day.Day)) : "";
}
