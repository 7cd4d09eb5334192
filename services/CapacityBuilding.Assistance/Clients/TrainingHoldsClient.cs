using Grpc.Core;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// The training client by which assistance creates what an offer holds, with the caller's own token:
/// training decides who may hold its seats. A type of its own because the gRPC client factory keeps one
/// set of interceptors and one unreachable answer per client type.
/// </summary>
public sealed class TrainingHoldsClient(CallInvoker callInvoker) : Contracts.Training.V1.TrainingService.TrainingServiceClient(callInvoker);
