using CapacityBuilding.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Localization;

/// <summary>
/// Strict mode (<see cref="PortalLocalizationOptions.FailOnMissingStrings"/>): every localizer
/// the pages get answers a string that no resource file has with <see cref="Marker"/>, and logs it.
/// </summary>
internal sealed partial class MissingStringMarkerFactory(ResourceManagerStringLocalizerFactory resources, ILogger<MissingStringMarkerFactory> logger)
    : IStringLocalizerFactory
{
    public static string Marker(string key) => $"[[missing:{key}]]";

    public IStringLocalizer Create(Type resourceSource) => new MarkingLocalizer(resources.Create(resourceSource), logger);

    public IStringLocalizer Create(string baseName, string location) => new MarkingLocalizer(resources.Create(baseName, location), logger);

    [LoggerMessage(EventId = EventIds.MissingUiString, Level = LogLevel.Error, Message = "UI string {Key} is missing (searched {SearchedLocation})")]
    private static partial void LogMissing(ILogger logger, string key, string? searchedLocation);

    private sealed class MarkingLocalizer(IStringLocalizer inner, ILogger logger) : IStringLocalizer
    {
        public LocalizedString this[string name] => Mark(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Mark(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Mark(LocalizedString found)
        {
            if (!found.ResourceNotFound)
            {
                return found;
            }

            LogMissing(logger, found.Name, found.SearchedLocation);
            return new LocalizedString(found.Name, Marker(found.Name), resourceNotFound: true, found.SearchedLocation);
        }
    }
}
