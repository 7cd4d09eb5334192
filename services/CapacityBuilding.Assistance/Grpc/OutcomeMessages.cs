using CapacityBuilding.Assistance.Domain.Results;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.FieldMasks;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Translates between the stored outcome and its API message.</summary>
internal static class OutcomeMessages
{
    /// <summary>The fields UpdateOutcome may change: the statement, and the indicators as a whole list.</summary>
    public static readonly UpdatableFields<Outcome> UpdatableFields = new(
        ["statement", "indicators"],
        rejection: path => $"'{path}' is not an editable field of Outcome; editable: statement, indicators (the whole list), or *.");

    /// <summary>A new outcome of the request <paramref name="requestId"/> from a validated message.</summary>
    public static StoredOutcome ToNew(this Outcome message, string requestId, DateTimeOffset now) =>
        WithFields(new StoredOutcome(ResourceIds.New(), requestId, "", [], now, now, Etags.New()), message);

    /// <summary><paramref name="stored"/> with the editable fields of a validated <paramref name="message"/>, text trimmed.</summary>
    public static StoredOutcome WithFields(StoredOutcome stored, Outcome message) => stored with
    {
        Statement = message.Statement.Trim(),
        Indicators =
        [
            .. message.Indicators.Select(indicator => new StoredIndicator(
                indicator.Title.Trim(),
                indicator.Measure,
                indicator.Unit.Trim(),
                ToStored(indicator.Baseline),
                ToStored(indicator.Target),
                [.. indicator.Actuals.Select(ToStored)])),
        ],
    };

    public static Outcome ToMessage(this StoredOutcome outcome) => new()
    {
        Name = OutcomeNames.Outcome.Format(outcome.RequestId, outcome.Id),
        Statement = outcome.Statement,
        Indicators =
        {
            outcome.Indicators.Select(indicator => new Indicator
            {
                Title = indicator.Title,
                Measure = indicator.Measure,
                Unit = indicator.Unit,
                Baseline = ToMessage(indicator.Baseline),
                Target = ToMessage(indicator.Target),
                Actuals = { indicator.Actuals.Select(ToMessage) },
            }),
        },
        CreateTime = Timestamp.FromDateTimeOffset(outcome.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(outcome.UpdateTime),
        Etag = outcome.Etag,
    };

    private static StoredIndicatorValue ToStored(IndicatorValue value) =>
        new(value.Value, CalendarDates.TryParse(value.Date) ?? throw new ArgumentException("The value's date was not validated.", nameof(value)), value.Comment.Trim());

    private static IndicatorValue ToMessage(StoredIndicatorValue value) => new()
    {
        Value = value.Value,
        Date = CalendarDates.ToMessage(value.Date),
        Comment = value.Comment,
    };
}
