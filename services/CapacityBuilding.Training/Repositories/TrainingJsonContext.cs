using System.Text.Json.Serialization;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Enrolments;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Domain.SeatHolds;
using CapacityBuilding.Training.Domain.Sessions;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// The stored documents' JSON. Enums as their names (<c>"Published"</c>): the Lua scripts
/// compare them by these names.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredCourse))]
[JsonSerializable(typeof(StoredSession))]
[JsonSerializable(typeof(StoredEnrolment))]
[JsonSerializable(typeof(StoredEvaluation))]
[JsonSerializable(typeof(StoredSeatHold))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
