using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Exports;

/// <summary><c>Portal:Exports:PageSize</c> between 1 and the services' own cap of 500.</summary>
internal sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public const int MaxPageSize = 500;

    public ValidateOptionsResult Validate(string? name, ExportOptions options) =>
        options.PageSize is >= 1 and <= MaxPageSize
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ExportOptions.SectionName}:{nameof(ExportOptions.PageSize)} must be between 1 and {MaxPageSize}.");
}
