namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// The request form's fields by their AIP-193 paths, as the assistance service names them in its
/// field violations: each input's id (<see cref="Shared.FieldIds"/>), label and message keys are
/// made from these. <see cref="FormFieldOf"/> brings any path the service sends to the field whose
/// input shows it.
/// </summary>
public static class RequestFields
{
    private const string Prefix = "assistance_request.";

    public const string RequestingState = Prefix + "requesting_state";
    public const string Title = Prefix + "title";
    public const string Description = Prefix + "description";
    public const string ThematicAreas = Prefix + "thematic_areas";
    public const string Courses = Prefix + "courses";
    public const string FocalPoint = Prefix + "focal_point";
    public const string FocalPointName = FocalPoint + ".display_name";
    public const string FocalPointEmail = FocalPoint + ".email";
    public const string FocalPointInstitution = FocalPoint + ".institution";
    public const string BeneficiaryInstitutions = Prefix + "beneficiary_institutions";
    public const string AssistanceTypes = Prefix + "assistance_types";
    public const string DesiredStart = Prefix + "desired_start";
    public const string DesiredEnd = Prefix + "desired_end";
    public const string Languages = Prefix + "languages";
    public const string EstimatedParticipants = Prefix + "estimated_participants";
    public const string Budget = Prefix + "indicative_budget";
    public const string BudgetCurrency = Budget + ".currency_code";
    public const string TargetAudiences = Prefix + "target_audiences";
    public const string NeedsBaselines = Prefix + "needs_baselines";
    public const string EndorsingAuthority = Prefix + "endorsing_authority";
    public const string EndorsementDate = Prefix + "endorsement_date";

    /// <summary>The fields in the order the form shows them, which is the order of its error summary.</summary>
    public static readonly IReadOnlyList<string> InFormOrder =
    [
        RequestingState, Title, Description, ThematicAreas, AssistanceTypes, TargetAudiences, Courses,
        FocalPointName, FocalPointEmail, FocalPointInstitution, BeneficiaryInstitutions,
        DesiredStart, DesiredEnd, Languages, EstimatedParticipants, BudgetCurrency, Budget,
        NeedsBaselines, EndorsingAuthority, EndorsementDate,
    ];

    /// <summary>
    /// The form field that shows a problem the service reported at <paramref name="path"/>:
    /// under <c>assistance_request</c> (submission names fields without it), without the item
    /// index (a list is one input), the focal point as a whole at its name, the budget's units
    /// and nanos at its amount. A path the form has no input for comes back as it is.
    /// </summary>
    public static string FormFieldOf(string path)
    {
        var field = Shared.FieldIds.ListOf(path.StartsWith(Prefix, StringComparison.Ordinal) ? path : Prefix + path);

        return field switch
        {
            FocalPoint => FocalPointName,
            Budget + ".units" or Budget + ".nanos" => Budget,
            _ when InFormOrder.Contains(field) => field,
            _ => path,
        };
    }
}
