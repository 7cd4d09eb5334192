using Grpc.Core;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// The funding client by which assistance creates what an offer holds, with the caller's own token:
/// funding decides who may hold a pledge's money (a donor only its own committed pledges). A type of
/// its own because the gRPC client factory keeps one set of interceptors and one unreachable answer per
/// client type.
/// </summary>
public sealed class FundingHoldsClient(CallInvoker callInvoker) : Contracts.Funding.V1.FundingService.FundingServiceClient(callInvoker);
