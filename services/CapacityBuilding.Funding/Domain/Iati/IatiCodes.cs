using CapacityBuilding.Contracts.Common.V1;
using AssistanceState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using DonorKind = CapacityBuilding.Contracts.Funding.V1.Donor.Types.Kind;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// Our values in IATI 2.03 code lists, as published in IATI/IATI-Codelists (branch version-2.03,
/// embedded lists) and IATI/IATI-Codelists-NonEmbedded; the lists we use are vendored in
/// tests/CapacityBuilding.Tests/Funding/Iati/Codelists with their source (docs/transparency.md), and the export tests hold every
/// code the export writes against them.
/// </summary>
public static class IatiCodes
{
    public const string Version = "2.03";

    /// <summary>The language of the texts we write ourselves: organisation names, vocabulary names (Language list).</summary>
    public const string English = "en";

    /// <summary>OrganisationRole (embedded).</summary>
    public const string RoleFunding = "1";

    public const string RoleAccountable = "2";

    public const string RoleExtending = "3";

    public const string RoleImplementing = "4";

    /// <summary>TransactionType (embedded), from the reporting organisation's side.</summary>
    public const string TransactionIncomingFunds = "1";

    public const string TransactionExpenditure = "4";

    public const string TransactionIncomingCommitment = "11";

    /// <summary>ActivityDateType (embedded).</summary>
    public const string PlannedStart = "1";

    public const string ActualStart = "2";

    public const string PlannedEnd = "3";

    public const string ActualEnd = "4";

    /// <summary>DescriptionType (non-embedded): General.</summary>
    public const string DescriptionGeneral = "1";

    /// <summary>BudgetType (embedded) Original; BudgetStatus (embedded) Indicative.</summary>
    public const string BudgetOriginal = "1";

    public const string BudgetIndicative = "1";

    /// <summary>SectorVocabulary (non-embedded): OECD DAC CRS purpose codes (5 digit), and the reporting organisation's own.</summary>
    public const string SectorVocabularyDac = "1";

    public const string SectorVocabularyReportingOrganisation = "99";

    /// <summary>Sector (non-embedded) 15130, legal and judicial development: what every Convention area builds.</summary>
    public const string SectorLegalAndJudicialDevelopment = "15130";

    /// <summary>ResultType (non-embedded) 2 Outcome: an outcome of a request is IATI's result of that type.</summary>
    public const string ResultOutcome = "2";

    /// <summary>IndicatorMeasure (non-embedded) 1 Unit and 2 Percentage, our two measures.</summary>
    public const string MeasureUnit = "1";

    public const string MeasurePercentage = "2";

    /// <summary>OrganisationType (non-embedded): every code of the list, for checking configuration.</summary>
    public static readonly IReadOnlySet<string> OrganisationTypes =
        new HashSet<string>(["10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90"], StringComparer.Ordinal);

    /// <summary>OrganisationType of a donor.</summary>
    public static string OrganisationType(DonorKind kind) => kind switch
    {
        DonorKind.State => "10",
        DonorKind.Multilateral => "40",
        DonorKind.Foundation => "60",
        DonorKind.PrivateSector => "70",
        _ => "90",
    };

    /// <summary>
    /// ActivityStatus (embedded) of a funded request: 1 pipeline/identification until delivery
    /// starts, 2 implementation while it is delivered, 3 finalisation when delivery is complete but
    /// money committed to it is not yet all paid out, 4 closed when it is, 5 cancelled when the
    /// request was withdrawn or rejected, 6 suspended while a coordinator has the request suspended
    /// (IATI ActivityStatus codelist: "The activity has been temporarily suspended").
    /// </summary>
    public static string ActivityStatus(AssistanceState state, bool moneyOutstanding) => state switch
    {
        AssistanceState.InDelivery => "2",
        AssistanceState.Suspended => "6",
        AssistanceState.Completed => moneyOutstanding ? "3" : "4",
        AssistanceState.Withdrawn or AssistanceState.Rejected => "5",
        _ => "1",
    };

    /// <summary>The reporting organisation's sector code of a thematic area: its proto enum name.</summary>
    public static string SectorCode(ThematicArea thematicArea) =>
        ThematicAreaReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)thematicArea)?.Name ?? thematicArea.ToString();
}
