namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// Configuration section <c>Offers:Sweep</c>: how often the sweeper looks for offers to expire,
/// acceptances to finish and holds to release, how long an acceptance may stay unfinished before
/// the sweeper takes it over (the accepting call itself is finishing it until then), and how many
/// offers of each kind one round handles.
/// </summary>
public sealed class OfferSweepOptions
{
    public const string SectionName = "Offers:Sweep";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AcceptingGrace { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 100;
}
