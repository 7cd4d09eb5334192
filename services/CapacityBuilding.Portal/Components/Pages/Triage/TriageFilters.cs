using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using Google.Protobuf.WellKnownTypes;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Portal.Components.Pages.Triage;

/// <summary>
/// The triage queue's filters as they travel in the address (the filter form is a GET form, so a
/// filtered queue can be bookmarked and shared), read into the list rpc's request. Only filters
/// the assistance service applies from its indexes are here: the portal filters nothing itself.
/// A value that does not parse is treated as not set, as a hand-edited address deserves.
/// </summary>
public sealed record TriageFilters(State? State, string? Country, ThematicArea? Theme, bool? DacEligible, DateOnly? CreatedFrom, DateOnly? CreatedTo)
{
    /// <summary>The service's priority order: highest score first, then newest.</summary>
    public const string PriorityOrder = "priority_score desc";

    public const string DateFormat = "yyyy-MM-dd";

    public static TriageFilters FromQuery(string? state, string? country, string? theme, string? dac, string? from, string? to) => new(
        Specified<State>(state),
        country is { Length: 3 } && country.All(char.IsAsciiLetterUpper) ? country : null,
        Specified<ThematicArea>(theme),
        bool.TryParse(dac, out var eligible) ? eligible : null,
        Day(from),
        Day(to));

    /// <summary>
    /// One page of the queue in priority order. Days are whole UTC days: "created to" includes
    /// its day, so the service's exclusive end is the next midnight.
    /// </summary>
    public ListAssistanceRequestsRequest ToListRequest(int pageSize, string? pageToken)
    {
        var request = new ListAssistanceRequestsRequest
        {
            PageSize = pageSize,
            PageToken = pageToken ?? "",
            OrderBy = PriorityOrder,
            RequestingState = Country ?? "",
            State = State ?? AssistanceRequest.Types.State.Unspecified,
            ThematicArea = Theme ?? ThematicArea.Unspecified,
            CreateTimeStart = CreatedFrom is { } from ? Midnight(from) : null,
            CreateTimeEnd = CreatedTo is { } to ? Midnight(to.AddDays(1)) : null,
        };
        if (DacEligible is { } eligible)
        {
            request.DacEligible = eligible;
        }

        return request;
    }

    public static string? Format(DateOnly? day) => day?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static Timestamp Midnight(DateOnly day) => Timestamp.FromDateTime(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static TEnum? Specified<TEnum>(string? value)
        where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(value, out var parsed) && System.Enum.IsDefined(parsed) && Convert.ToInt32(parsed, CultureInfo.InvariantCulture) != 0 ? parsed : null;
}
