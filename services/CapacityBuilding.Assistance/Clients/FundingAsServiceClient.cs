using Grpc.Core;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// The funding client for the calls assistance makes as itself (role service) rather than with its
/// caller's token. A type of its own because the gRPC client factory keeps one set of interceptors
/// per client type, and <see cref="DonorFunding"/>'s calls keep the caller's token.
/// </summary>
public sealed class FundingAsServiceClient(CallInvoker callInvoker) : Contracts.Funding.V1.FundingService.FundingServiceClient(callInvoker);
