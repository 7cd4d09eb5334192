using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// The request form as the browser posts it: every field CreateAssistanceRequest and
/// UpdateAssistanceRequest accept, as text where a person types it, plus what makes the post
/// safe to repeat: the request's name once it exists, the etag it was read at (AIP-154), and the
/// request id of its create (AIP-155), chosen when the empty form was first shown.
/// </summary>
public sealed class RequestForm
{
    public const string SaveIntent = "save";
    public const string SubmitIntent = "submit";

    /// <summary><c>requests/{request}</c> once the draft exists; empty before its create.</summary>
    public string Name { get; set; } = "";

    public string Etag { get; set; } = "";

    public string RequestId { get; set; } = "";

    /// <summary><see cref="SaveIntent"/> or <see cref="SubmitIntent"/>: which button was pressed.</summary>
    public string Intent { get; set; } = SaveIntent;

    public string RequestingState { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public List<ThematicArea> ThematicAreas { get; set; } = [];

    /// <summary>Course names, <c>courses/{course}</c>.</summary>
    public List<string> Courses { get; set; } = [];

    public string FocalPointName { get; set; } = "";

    public string FocalPointEmail { get; set; } = "";

    public string FocalPointInstitution { get; set; } = "";

    /// <summary>One institution per line.</summary>
    public string BeneficiaryInstitutions { get; set; } = "";

    public List<AssistanceType> AssistanceTypes { get; set; } = [];

    /// <summary><c>yyyy-MM-dd</c>, as a date input posts it.</summary>
    public string DesiredStart { get; set; } = "";

    public string DesiredEnd { get; set; } = "";

    /// <summary>BCP 47 tags of the UN languages.</summary>
    public List<string> Languages { get; set; } = [];

    public string EstimatedParticipants { get; set; } = "";

    public string BudgetCurrency { get; set; } = "";

    /// <summary>The amount as a number input posts it (invariant digits, <c>.</c> for decimals).</summary>
    public string BudgetAmount { get; set; } = "";

    public List<TargetAudience> TargetAudiences { get; set; } = [];

    public bool Submitting => Intent == SubmitIntent;
}
