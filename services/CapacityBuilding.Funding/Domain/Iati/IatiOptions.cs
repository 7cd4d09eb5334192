namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>Configuration section <c>Iati</c>: who publishes the export, checked at start by <see cref="IatiOptionsValidator"/>.</summary>
public sealed class IatiOptions
{
    public const string SectionName = "Iati";

    /// <summary>
    /// The reporting organisation's IATI organisation identifier; also prefixes every activity
    /// identifier. UNODC's is XM-DAC-41128: registration agency XM-DAC (IATI code list
    /// OrganisationRegistrationAgency) and UNODC's OECD DAC channel code 41128 (code list
    /// CRSChannelCode). Confirm it on the publisher's page of the IATI Registry (iatiregistry.org)
    /// before publishing: an activity identifier cannot change once published.
    /// </summary>
    public string ReportingOrganisationRef { get; set; } = "XM-DAC-41128";

    public string ReportingOrganisationName { get; set; } = "United Nations Office on Drugs and Crime";

    /// <summary>IATI OrganisationType code; 40 is multilateral.</summary>
    public string ReportingOrganisationType { get; set; } = "40";

    /// <summary>
    /// Where our sector vocabulary (the thematic areas, SectorVocabulary 99) is defined: IATI asks
    /// for a vocabulary-uri with every non-IATI vocabulary. The areas are the Convention's, so the
    /// default is the Convention's official text, General Assembly resolution 79/243.
    /// </summary>
    public string ThematicVocabularyUri { get; set; } = "https://docs.un.org/en/A/RES/79/243";

    /// <summary>
    /// The most bytes of IATI XML one export page holds: a page ends before the activity that
    /// would take it past this, as well as at its page size, so that a page of long texts stays
    /// under a gRPC client's default 4 MiB message limit. 3 MiB leaves room for the rest of the
    /// answer and for a client that counts the limit a little differently.
    /// </summary>
    public int MaxPageBytes { get; set; } = 3 * 1024 * 1024;
}
