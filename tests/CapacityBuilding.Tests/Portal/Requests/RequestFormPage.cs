using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Requests;

/// <summary>
/// The request form of the portal as a test sees it: its inputs by the field paths the assistance
/// service names (the portal's ids are made from them), its boxes by value, its two buttons, and
/// the message next to a field.
/// </summary>
internal sealed class RequestFormPage(IPage page)
{
    public const string Title = "assistance_request.title";
    public const string FocalPointName = "assistance_request.focal_point.display_name";
    public const string FocalPointEmail = "assistance_request.focal_point.email";
    public const string BeneficiaryInstitutions = "assistance_request.beneficiary_institutions";
    public const string DesiredStart = "assistance_request.desired_start";
    public const string DesiredEnd = "assistance_request.desired_end";
    public const string EstimatedParticipants = "assistance_request.estimated_participants";
    public const string BudgetCurrency = "assistance_request.indicative_budget.currency_code";
    public const string BudgetAmount = "assistance_request.indicative_budget";
    public const string AssistanceTypes = "assistance_request.assistance_types";

    /// <summary>The input of a field, as the portal names it (<c>field-assistance_request-title</c>).</summary>
    public ILocator Input(string field) => page.Locator("#" + InputId(field));

    /// <summary>The service's message shown next to a field.</summary>
    public ILocator MessageOf(string field) => page.Locator($"#{InputId(field)}-message");

    public ILocator Box(string list, string value) => page.Locator($"input[type=checkbox][name='Form.{list}'][value='{value}']");

    public ILocator SaveDraftButton => page.Locator("button[name='Form.Intent'][value='save']");

    public ILocator SubmitButton => page.Locator("button[name='Form.Intent'][value='submit']");

    public ILocator ErrorSummary => page.Locator(".error-summary");

    public static string InputId(string field) => "field-" + field.Replace('.', '-');

    /// <summary>Fills what a draft needs to be saved: a title and a thematic area.</summary>
    public async Task FillDraftAsync(string title)
    {
        await Input(Title).FillAsync(title);
        await Box("ThematicAreas", "ElectronicEvidence").CheckAsync();
    }

    /// <summary>Fills every field a submission needs, with <paramref name="email"/> as the focal point's address.</summary>
    public async Task FillCompleteAsync(string title, string email)
    {
        await FillDraftAsync(title);
        await Box("AssistanceTypes", "Training").CheckAsync();
        await Box("TargetAudiences", "Investigators").CheckAsync();
        await Input(FocalPointName).FillAsync("Ama Mensah");
        await Input(FocalPointEmail).FillAsync(email);
        await Input(BeneficiaryInstitutions).FillAsync("Cybercrime Unit, Ghana Police Service\nOffice of the Attorney-General");
        await Input(DesiredStart).FillAsync("2027-03-01");
        await Input(DesiredEnd).FillAsync("2027-06-30");
        await Box("Languages", "en").CheckAsync();
        await Input(EstimatedParticipants).FillAsync("60");
        await Input(BudgetCurrency).FillAsync("USD");
        await Input(BudgetAmount).FillAsync("180000.50");
    }
}
