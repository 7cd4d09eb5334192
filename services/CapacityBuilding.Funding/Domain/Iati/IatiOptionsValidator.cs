using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// <c>Iati</c>: the export names its publisher, so every field must be set and must pass the IATI
/// Standard ruleset's checks on a reporting organisation identifier (rules 1.14.1: no surrounding
/// spaces; 1.14.13: none of / &amp; | ?; 1.14.8: it begins with a registration agency code, which has
/// the form country-or-XM, hyphen, agency, as in XM-DAC or GB-COH, followed by a hyphen and the
/// organisation's number in that agency's register).
/// </summary>
internal sealed partial class IatiOptionsValidator : IValidateOptions<IatiOptions>
{
    private const string Section = IatiOptions.SectionName;

    /// <summary>Smallest page budget: room for the document around one activity.</summary>
    public const int MinPageBytes = 4 * 1024;

    /// <summary>Largest page budget: under gRPC's default 4 MiB (4,194,304 bytes) message limit, with room for the answer's other fields.</summary>
    public const int MaxPageBytes = 4_000_000;

    public ValidateOptionsResult Validate(string? name, IatiOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ReportingOrganisationRef) || !OrganisationIdentifier().IsMatch(options.ReportingOrganisationRef))
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.ReportingOrganisationRef)} must be the publisher's IATI organisation identifier: a registration agency code, a hyphen and the number there (e.g. XM-DAC-41128), without spaces or any of / & | ?.");
        }

        if (string.IsNullOrWhiteSpace(options.ReportingOrganisationName))
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.ReportingOrganisationName)} must be set: the publisher's name.");
        }

        if (!IatiCodes.OrganisationTypes.Contains(options.ReportingOrganisationType ?? ""))
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.ReportingOrganisationType)} must be an IATI OrganisationType code, e.g. 40.");
        }

        if (!Uri.TryCreate(options.ThematicVocabularyUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.ThematicVocabularyUri)} must be an absolute http(s) address: where the thematic areas are defined.");
        }

        if (options.MaxPageBytes is < MinPageBytes or > MaxPageBytes)
        {
            failures.AddError($"{Section}:{nameof(IatiOptions.MaxPageBytes)} must be between {MinPageBytes} and {MaxPageBytes} bytes: a page of the IATI file must fit in a client's default 4 MiB message.");
        }

        return failures.Build();
    }

    [GeneratedRegex(@"^[A-Z]{2}-[A-Z0-9]+-[^\s/&|?]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationIdentifier();
}
