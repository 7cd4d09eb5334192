using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Import.Running;

/// <summary><c>Portal:Import</c>: positive limits, a parallelism the services' rate limits can bear.</summary>
internal sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (options.MaxFileBytes <= 0)
        {
            failures.AddError($"{ImportOptions.SectionName}:{nameof(ImportOptions.MaxFileBytes)} must be positive.");
        }

        if (options.Parallelism is < 1 or > 64)
        {
            failures.AddError($"{ImportOptions.SectionName}:{nameof(ImportOptions.Parallelism)} must be between 1 and 64.");
        }

        if (options.ProblemsKept < 1)
        {
            failures.AddError($"{ImportOptions.SectionName}:{nameof(ImportOptions.ProblemsKept)} must be positive.");
        }

        if (options.Retention <= TimeSpan.Zero)
        {
            failures.AddError($"{ImportOptions.SectionName}:{nameof(ImportOptions.Retention)} must be positive.");
        }

        return failures.Build();
    }
}
