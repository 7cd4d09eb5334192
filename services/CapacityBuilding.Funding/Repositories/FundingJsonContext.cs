using System.Text.Json.Serialization;
using CapacityBuilding.Funding.Allocations;
using CapacityBuilding.Funding.Disbursements;
using CapacityBuilding.Funding.Donors;
using CapacityBuilding.Funding.Pledges;

namespace CapacityBuilding.Funding.Repositories;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredDonor))]
[JsonSerializable(typeof(StoredPledge))]
[JsonSerializable(typeof(StoredAllocation))]
[JsonSerializable(typeof(StoredDisbursement))]
internal sealed partial class FundingJsonContext : JsonSerializerContext;
