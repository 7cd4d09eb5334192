using System.Text.Json.Serialization;
using CapacityBuilding.Funding.Donors;
using CapacityBuilding.Funding.Pledges;

namespace CapacityBuilding.Funding.Repositories;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredDonor))]
[JsonSerializable(typeof(StoredPledge))]
internal sealed partial class FundingJsonContext : JsonSerializerContext;
