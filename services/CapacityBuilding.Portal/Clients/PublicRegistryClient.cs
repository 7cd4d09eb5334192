using Grpc.Core;

namespace CapacityBuilding.Portal.Clients;

/// <summary>
/// The funding client of the public registry pages, which call as the portal itself (role
/// service), as the gateway's public routes do: a signed-out visitor has no token, and a signed-in
/// one must see the same public view as everyone. Funding answers it with consented requests only.
/// A type of its own because the gRPC client factory keeps one set of interceptors per client type.
/// </summary>
public sealed class PublicRegistryClient(CallInvoker callInvoker) : Contracts.Funding.V1.FundingService.FundingServiceClient(callInvoker);
