namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>An organisation as IATI names it: identifier (empty when it has none), OrganisationType code and name.</summary>
public sealed record IatiOrganisation(string Reference, string Type, string Name)
{
    public static IatiOrganisation ReportingOrganisationOf(IatiOptions options) =>
        new(options.ReportingOrganisationRef, options.ReportingOrganisationType, options.ReportingOrganisationName);
}
