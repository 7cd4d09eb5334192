using System.Text.Json.Serialization;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Enrolments;
using CapacityBuilding.Training.Domain.Evaluations;
using CapacityBuilding.Training.Domain.Events;
using CapacityBuilding.Training.Domain.Experts;
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
[JsonSerializable(typeof(StoredExpert))]
[JsonSerializable(typeof(StoredDeliveryEvent))]
[JsonSerializable(typeof(DateTimeOffset))]
// Seat holds and delivery events both nest an enum called State: each gets a name of its own.
[JsonSerializable(typeof(Contracts.Training.V1.SeatHold.Types.State), TypeInfoPropertyName = "SeatHoldState")]
[JsonSerializable(typeof(Contracts.Training.V1.DeliveryEvent.Types.State), TypeInfoPropertyName = "DeliveryEventState")]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
