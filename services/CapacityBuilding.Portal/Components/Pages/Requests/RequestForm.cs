using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// The request form as the browser posts it: every field CreateAssistanceRequest and
/// UpdateAssistanceRequest accept, as text where a person types it, plus what makes the post
/// safe to repeat: the request's name once it exists, the etag it was read at (AIP-154), and the
/// request id of its create (AIP-155), chosen when the empty form was first shown.
/// Form binding sets a field the post does not carry (no box ticked, a disabled input) to null;
/// the setters keep every value non-null, as the message it becomes requires.
/// </summary>
public sealed class RequestForm
{
    public const string SaveIntent = "save";
    public const string SubmitIntent = "submit";

    /// <summary><c>requests/{request}</c> once the draft exists; empty before its create.</summary>
    public string Name { get; set => field = value ?? ""; } = "";

    public string Etag { get; set => field = value ?? ""; } = "";

    public string RequestId { get; set => field = value ?? ""; } = "";

    /// <summary><see cref="SaveIntent"/> or <see cref="SubmitIntent"/>: which button was pressed.</summary>
    public string Intent { get; set; } = SaveIntent;

    public string RequestingState { get; set => field = value ?? ""; } = "";

    public string Title { get; set => field = value ?? ""; } = "";

    public string Description { get; set => field = value ?? ""; } = "";

    public List<ThematicArea> ThematicAreas { get; set => field = value ?? []; } = [];

    /// <summary>Course names, <c>courses/{course}</c>.</summary>
    public List<string> Courses { get; set => field = value ?? []; } = [];

    public string FocalPointName { get; set => field = value ?? ""; } = "";

    public string FocalPointEmail { get; set => field = value ?? ""; } = "";

    public string FocalPointInstitution { get; set => field = value ?? ""; } = "";

    /// <summary>One institution per line.</summary>
    public string BeneficiaryInstitutions { get; set => field = value ?? ""; } = "";

    public List<AssistanceType> AssistanceTypes { get; set => field = value ?? []; } = [];

    /// <summary><c>yyyy-MM-dd</c>, as a date input posts it.</summary>
    public string DesiredStart { get; set => field = value ?? ""; } = "";

    public string DesiredEnd { get; set => field = value ?? ""; } = "";

    /// <summary>BCP 47 tags of the UN languages.</summary>
    public List<string> Languages { get; set => field = value ?? []; } = [];

    public string EstimatedParticipants { get; set => field = value ?? ""; } = "";

    public string BudgetCurrency { get; set => field = value ?? ""; } = "";

    /// <summary>The amount as a number input posts it (invariant digits, <c>.</c> for decimals).</summary>
    public string BudgetAmount { get; set => field = value ?? ""; } = "";

    public List<TargetAudience> TargetAudiences { get; set => field = value ?? []; } = [];

    /// <summary>The self-assessed level (1 to 5, as text; empty for none) by thematic area name.</summary>
    public Dictionary<string, string?> BaselineLevels { get; set => field = value ?? []; } = [];

    /// <summary>What each level rests on, by thematic area name.</summary>
    public Dictionary<string, string?> BaselineNotes { get; set => field = value ?? []; } = [];

    public string EndorsingAuthority { get; set => field = value ?? ""; } = "";

    /// <summary><c>yyyy-MM-dd</c>, as a date input posts it.</summary>
    public string EndorsementDate { get; set => field = value ?? ""; } = "";

    public bool Submitting => Intent == SubmitIntent;
}
