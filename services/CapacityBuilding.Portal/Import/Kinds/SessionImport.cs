using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Invocation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>Sessions of existing courses (CreateSession), the course named by its resource name or id.</summary>
public sealed class SessionImport(ServiceClientFactory<TrainingService.TrainingServiceClient> training, ImportCodeLists lists) : IImportKind
{
    public string Slug => "sessions";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("row_key", "request_id", ColumnValues.RowKey),
        new("course", "parent", ColumnValues.Resource),
        new("start_time", "session.start_time", ColumnValues.Moment),
        new("end_time", "session.end_time", ColumnValues.Moment),
        new("location", "session.location"),
        new("language", "session.language", ColumnValues.Language),
        new("seat_capacity", "session.seat_capacity", ColumnValues.WholeNumber),
    ];

    public ImportMapping Mapping()
    {
        var languages = lists.CourseLanguages();
        return new ImportMapping(row => new CreateSessionRequest
        {
            Parent = ImportValues.ResourceName("courses", row.Text("course")),
            Session = new Session
            {
                StartTime = row.Moment("start_time") is { } start ? Timestamp.FromDateTimeOffset(start) : null,
                EndTime = row.Moment("end_time") is { } end ? Timestamp.FromDateTimeOffset(end) : null,
                Location = row.Text("location"),
                Language = row.CodeOrText("language", languages),
                SeatCapacity = row.WholeNumber("seat_capacity") ?? 0,
            },
        }, new Dictionary<string, IEnumerable<(string, string)>> { ["language"] = ImportValues.Listed(languages) });
    }

    public async Task<Timestamp?> SendAsync(IMessage create, CallOptions options) =>
        (await training.Create().CreateSessionAsync((CreateSessionRequest)create, options)).Session?.CreateTime;
}
