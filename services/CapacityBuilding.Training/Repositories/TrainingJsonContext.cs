using System.Text.Json.Serialization;
using CapacityBuilding.Training.Courses;

namespace CapacityBuilding.Training.Repositories;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredCourse))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
