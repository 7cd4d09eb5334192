using CapacityBuilding.Contracts.Assistance.V1;
using Google.Type;

namespace CapacityBuilding.Tests.Fuzz;

/// <summary>
/// What a fuzzed activity of the IATI export was delivered with: an outcome whose indicator's
/// baseline was <paramref name="BaselineAgo"/> days ago, its target <paramref name="TargetAfter"/>
/// days after that (in the past or the future), <paramref name="Measured"/> actuals spread between
/// them and today; a delivered event from <paramref name="EventStart"/> days from today (possibly
/// still to come) lasting <paramref name="EventDays"/> more days; and money received on its pledge.
/// </summary>
internal sealed record FuzzedDelivery(int BaselineAgo, int TargetAfter, double Value, int Measured, int EventStart, int EventDays, int ReceivedUnits, int ReceivedNanos)
{
    public Money? Received => ReceivedUnits > 0 || ReceivedNanos > 0 ? new Money { CurrencyCode = "USD", Units = ReceivedUnits, Nanos = ReceivedNanos } : null;

    public Outcome Outcome(string text)
    {
        var today = System.DateTime.UtcNow.Date;
        var baseline = today.AddDays(-BaselineAgo);
        var indicator = new Indicator
        {
            Title = text,
            Measure = Indicator.Types.Measure.Unit,
            Unit = "participants",
            Baseline = new IndicatorValue { Value = Value, Date = FuzzValues.Day(baseline), Comment = text },
            Target = new IndicatorValue { Value = Math.Min(Value * 2, 1_000_000_000), Date = FuzzValues.Day(baseline.AddDays(TargetAfter)) },
        };
        for (var i = 1; i <= Measured; i++)
        {
            indicator.Actuals.Add(new IndicatorValue { Value = Value / i, Date = FuzzValues.Day(baseline.AddDays(BaselineAgo * i / Measured)) });
        }

        return new Outcome { Statement = text, Indicators = { indicator } };
    }

    public RecordDeliveryEventRequest Event(string request)
    {
        var start = System.DateTime.UtcNow.Date.AddDays(EventStart);
        return new RecordDeliveryEventRequest
        {
            Name = request,
            Event = $"events/{Guid.CreateVersion7():N}",
            Action = HistoryEntry.Types.Action.EventDeliver,
            StartDate = FuzzValues.Day(start),
            EndDate = FuzzValues.Day(start.AddDays(EventDays)),
        };
    }
}
