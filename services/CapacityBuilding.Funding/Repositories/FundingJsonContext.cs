using System.Text.Json.Serialization;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Contributions;
using CapacityBuilding.Funding.Domain.Disbursements;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.Ledger;
using CapacityBuilding.Funding.Domain.Pledges;

namespace CapacityBuilding.Funding.Repositories;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredDonor))]
[JsonSerializable(typeof(StoredPledge))]
[JsonSerializable(typeof(StoredAllocation))]
[JsonSerializable(typeof(StoredDisbursement))]
[JsonSerializable(typeof(StoredContribution))]
[JsonSerializable(typeof(LedgerEntryContent))]
[JsonSerializable(typeof(StoredLedgerEntry))]
internal sealed partial class FundingJsonContext : JsonSerializerContext;
