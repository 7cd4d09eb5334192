using System.Text.Json.Serialization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.DemoData.Files;

// The envelopes of the data files. A key names an entry across files and becomes its request id;
// the resource itself is written in the API's own JSON form and parsed by Protobuf.

/// <summary>An entry of <c>courses.json</c>, with the course's upcoming sessions.</summary>
public sealed record CourseEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Course>))] Course Course,
    IReadOnlyList<SessionEntry> Sessions);

/// <summary>A session inside a <see cref="CourseEntry"/>.</summary>
public sealed record SessionEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Session>))] Session Session);

/// <summary>An entry of <c>requests.json</c>; <c>courseKeys</c> are keys of <c>courses.json</c>.</summary>
public sealed record AssistanceRequestEntry(
    string Key,
    IReadOnlyList<string> CourseKeys,
    [property: JsonConverter(typeof(ProtoJsonConverter<AssistanceRequest>))] AssistanceRequest AssistanceRequest);

/// <summary>An entry of <c>donors.json</c>, with the donor's pledges.</summary>
public sealed record DonorEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Donor>))] Donor Donor,
    IReadOnlyList<PledgeEntry> Pledges);

/// <summary>A pledge inside a <see cref="DonorEntry"/>.</summary>
public sealed record PledgeEntry(
    string Key,
    [property: JsonConverter(typeof(ProtoJsonConverter<Pledge>))] Pledge Pledge);

/// <summary>All three data files.</summary>
public sealed record DemoDataSet(
    IReadOnlyList<CourseEntry> Courses,
    IReadOnlyList<AssistanceRequestEntry> Requests,
    IReadOnlyList<DonorEntry> Donors);
