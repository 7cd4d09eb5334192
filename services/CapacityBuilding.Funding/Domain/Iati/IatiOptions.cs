namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>Configuration section <c>Iati</c>: who publishes the export.</summary>
public sealed class IatiOptions
{
    public const string SectionName = "Iati";

    /// <summary>
    /// The reporting organisation's IATI organisation identifier; also prefixes every activity
    /// identifier. UNODC's entry in IATI's organisation identifier list is DAC channel 41128.
    /// </summary>
    public string ReportingOrganisationRef { get; set; } = "XM-DAC-41128";

    public string ReportingOrganisationName { get; set; } = "United Nations Office on Drugs and Crime";

    /// <summary>IATI OrganisationType code; 40 is multilateral.</summary>
    public string ReportingOrganisationType { get; set; } = "40";
}
