using Microsoft.Extensions.Options;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary><c>Iati</c>: the export names its publisher, so every field of it must be set.</summary>
internal sealed class IatiOptionsValidator : IValidateOptions<IatiOptions>
{
    private const string Section = IatiOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, IatiOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ReportingOrganisationRef))
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.ReportingOrganisationRef)} must be set: the publisher's IATI organisation identifier.");
        }

        if (string.IsNullOrWhiteSpace(options.ReportingOrganisationName))
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.ReportingOrganisationName)} must be set: the publisher's name.");
        }

        if (!int.TryParse(options.ReportingOrganisationType, out _))
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.ReportingOrganisationType)} must be an IATI OrganisationType code, e.g. 40.");
        }

        return failures.Build();
    }
}
