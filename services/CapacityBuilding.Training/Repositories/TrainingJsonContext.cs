using System.Text.Json.Serialization;
using CapacityBuilding.Training.Courses;
using CapacityBuilding.Training.Enrolments;
using CapacityBuilding.Training.Evaluations;
using CapacityBuilding.Training.Sessions;

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
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
