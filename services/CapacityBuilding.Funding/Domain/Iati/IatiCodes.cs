using CapacityBuilding.Contracts.Common.V1;
using AssistanceState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using DonorKind = CapacityBuilding.Contracts.Funding.V1.Donor.Types.Kind;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>Our values in IATI 2.03 code lists (iatistandard.org/en/iati-standard/203/codelists).</summary>
internal static class IatiCodes
{
    public const string Version = "2.03";

    /// <summary>OrganisationRole: Funding (the donor) and Implementing (the reporting organisation).</summary>
    public const string RoleFunding = "1";

    public const string RoleImplementing = "4";

    /// <summary>TransactionType: Outgoing Commitment for an allocation, Disbursement for a disbursement.</summary>
    public const string TransactionCommitment = "2";

    public const string TransactionDisbursement = "3";

    /// <summary>ActivityDateType: Actual start (the first allocation).</summary>
    public const string ActualStart = "2";

    /// <summary>DescriptionType: General.</summary>
    public const string DescriptionGeneral = "1";

    /// <summary>BudgetType Original, BudgetStatus Indicative.</summary>
    public const string BudgetOriginal = "1";

    public const string BudgetIndicative = "1";

    /// <summary>SectorVocabulary: OECD DAC CRS purpose codes (5 digit), and the reporting organisation's own.</summary>
    public const string SectorVocabularyDac = "1";

    public const string SectorVocabularyReportingOrganisation = "99";

    /// <summary>DAC 15130, legal and judicial development: what every Convention area builds.</summary>
    public const string SectorLegalAndJudicialDevelopment = "15130";

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
    /// ActivityStatus: 1 pipeline/identification (approved, not yet delivered), 2 implementation,
    /// 3 completion, 5 cancelled (a request its state withdrew, whose money was already paid out).
    /// </summary>
    public static string ActivityStatus(AssistanceState state) => state switch
    {
        AssistanceState.InDelivery => "2",
        AssistanceState.Completed => "3",
        AssistanceState.Withdrawn => "5",
        _ => "1",
    };

    /// <summary>The reporting organisation's sector code of a thematic area: its proto enum name.</summary>
    public static string SectorCode(ThematicArea thematicArea) =>
        ThematicAreaReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)thematicArea)?.Name ?? thematicArea.ToString();
}
