using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Portal.Localization;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Portal.Components.Pages.Offers;

/// <summary>
/// What the offer form posts, and the offer it asks the service to make: seats of a session, or
/// money from a pledge, until the end (UTC) of the chosen day. What cannot be read (an amount that
/// is not a number) is left out, so the service names the field as missing next to it.
/// </summary>
public sealed class OfferInput
{
    public const string SeatsKind = "seats";
    public const string FundingKind = "funding";

    // The service's field paths, where the form shows their messages.
    public const string SessionField = "offer.session_seats.session";
    public const string SeatsField = "offer.session_seats.seats";
    public const string PledgeField = "offer.funding_package.pledge";
    public const string AmountField = "offer.funding_package.amount";
    public const string ExpireField = "offer.expire_time";
    public const string TermsField = "offer.terms";

    // What <input type="date"> sends, whatever the user's culture.
    private const string DateFormat = "yyyy-MM-dd";

    public string Kind { get; set; } = SeatsKind;

    public string Session { get; set; } = "";

    public int? Seats { get; set; }

    public string Pledge { get; set; } = "";

    public string Amount { get; set; } = "";

    public string Currency { get; set; } = "USD";

    public string ExpireDate { get; set; } = "";

    public string Terms { get; set; } = "";

    /// <summary>A retry of the same form (a double click) makes one offer.</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public Offer ToOffer(CultureInfo culture)
    {
        var offer = new Offer { Terms = Terms.Trim() };
        if (Kind == FundingKind)
        {
            offer.FundingPackage = new Offer.Types.FundingPackage { Pledge = Pledge.Trim(), Amount = MoneyText.Parse(Amount, Currency.Trim().ToUpperInvariant(), culture) };
        }
        else
        {
            offer.SessionSeats = new Offer.Types.SessionSeats { Session = Session.Trim(), Seats = Seats ?? 0 };
        }

        if (DateOnly.TryParseExact(ExpireDate, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            offer.ExpireTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero));
        }

        return offer;
    }

    /// <summary>The day a new offer expires by default, in the date input's form.</summary>
    public static string DefaultExpiry(DateTimeOffset now, int days) => DateOnly.FromDateTime(now.UtcDateTime.AddDays(days)).ToString(DateFormat, CultureInfo.InvariantCulture);
}
