using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>The session form's fields; times as <c>datetime-local</c> values in UTC (<see cref="CatalogueTimes"/>).</summary>
public sealed class SessionInput
{
    /// <summary>The fields UpdateSession may change; language and seats are set once, at creation.</summary>
    public static readonly IReadOnlyList<string> UpdatableFields = ["start_time", "end_time", "location", "status"];

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Location { get; set; }

    public string? Language { get; set; }

    public int? SeatCapacity { get; set; }

    public SessionStatus Status { get; set; }

    public string? Etag { get; set; }

    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public static SessionInput From(Session session) => new()
    {
        StartTime = CatalogueTimes.ToInput(session.StartTime),
        EndTime = CatalogueTimes.ToInput(session.EndTime),
        Location = session.Location,
        Language = session.Language,
        SeatCapacity = session.SeatCapacity,
        Status = session.Status,
        Etag = session.Etag,
    };

    public Session ToMessage(string name = "") => new()
    {
        Name = name,
        StartTime = CatalogueTimes.FromInput(StartTime),
        EndTime = CatalogueTimes.FromInput(EndTime),
        Location = Location ?? "",
        Language = Language ?? "",
        SeatCapacity = SeatCapacity ?? 0,
        Status = Status,
        Etag = Etag ?? "",
    };
}
